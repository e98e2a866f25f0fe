namespace Hub.Simulators.TopDesk;

/// <summary>A processing status of the tenant, with the flags <c>/incidents/statuses</c> shows.</summary>
internal sealed record TopDeskProcessingStatus(SimulatedRef Ref, bool OnHold, string ProcessingState, bool IsDefault);

/// <summary>The tenant's look-up lists: a Dutch facility and ICT service desk.</summary>
internal sealed class TopDeskLookupSeed
{
    public List<TopDeskProcessingStatus> Statuses { get; } =
    [
        new(Ref("Geregistreerd"), false, "logged", true),
        new(Ref("In behandeling"), false, "in_progress", false),
        new(Ref("Ingepland"), false, "in_progress", false),
        new(Ref("Wachten op leverancier"), true, "on_hold", false),
        new(Ref("Gereed"), false, "completed", false),
        new(Ref("Afgesloten"), false, "closed", false),
    ];

    public List<SimulatedRef> Categories { get; } = [Ref("Facilitair"), Ref("ICT")];

    public List<(SimulatedRef Subcategory, SimulatedRef Category)> Subcategories { get; } = [];

    public List<SimulatedRef> Priorities { get; } = [Ref("Laag"), Ref("Normaal"), Ref("Hoog"), Ref("Spoed")];

    public List<SimulatedRef> OperatorGroups { get; } = [Ref("Servicedesk"), Ref("Facilitaire dienst"), Ref("ICT beheer")];

    public TopDeskLookupSeed()
    {
        foreach (var name in new[] { "Sanitair", "Verwarming", "Elektra" })
        {
            Subcategories.Add((Ref(name), Categories[0]));
        }

        foreach (var name in new[] { "Werkplek", "Netwerk" })
        {
            Subcategories.Add((Ref(name), Categories[1]));
        }
    }

    public static SimulatedRef Ref(string name) => new(Guid.NewGuid().ToString(), name);
}
