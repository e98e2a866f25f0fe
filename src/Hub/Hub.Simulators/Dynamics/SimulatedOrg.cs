namespace Hub.Simulators.Dynamics;

/// <summary>Who is who in the simulated org: its ids, the hub's application user, a person, and the alternate key.</summary>
internal sealed class SimulatedOrg
{
    public required string ApiUrl { get; init; }
    public Guid OrganizationId { get; } = Guid.NewGuid();
    public Guid BusinessUnitId { get; } = Guid.NewGuid();
    public SimulatedUser AppUser { get; } = new(Guid.NewGuid(), "# Hub integration");
    public SimulatedUser Person { get; } = new(Guid.NewGuid(), "Mila de Vries");
    public bool AlternateKeyDefined { get; set; } = true;
    public string AlternateKeyStatus { get; set; } = "Active";
    public Guid AlternateKeyId { get; } = Guid.NewGuid();

    /// <summary>What the application user's security roles grant (RetrieveUserPrivileges): cases and notes, read to append.</summary>
    public HashSet<string> AppUserPrivileges { get; } = new(StringComparer.Ordinal)
    {
        "prvReadIncident", "prvCreateIncident", "prvWriteIncident", "prvAppendIncident", "prvAppendToIncident",
        "prvReadNote", "prvCreateNote", "prvWriteNote", "prvAppendNote",
    };

    public string NameOf(Guid user) =>
        user == AppUser.Id ? AppUser.FullName : user == Person.Id ? Person.FullName : "Unknown user";
}
