using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Readiness;

/// <summary>
/// Whether a Dynamics 365 org is ready for the hub: the application user signs in (WhoAmI), its security roles grant
/// what the hub does to cases and notes (RetrieveUserPrivileges), the Case table tracks changes (the hub polls with
/// delta links; without them on modifiedon, at more cost and blind to deletions) and has the active alternate key the hub creates cases by.
/// </summary>
internal sealed class DynamicsReadiness(DataverseConnection connection, AlternateKeyCheck keyCheck, string keyPrefix)
{
    /// <summary>Cases are read, created, changed and get notes; notes are read, created and attached.</summary>
    private static readonly string[] NeededPrivileges =
    [
        "prvReadIncident", "prvCreateIncident", "prvWriteIncident", "prvAppendIncident", "prvAppendToIncident",
        "prvReadNote", "prvCreateNote", "prvAppendNote",
    ];

    public async Task<IReadOnlyList<SystemCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        Guid user;
        try
        {
            user = await connection.AppUserIdAsync(cancellationToken);
        }
        catch (AdapterException failure)
        {
            return [SystemCheck.Fail("signed in", failure.Message,
                $"check {keyPrefix}:BaseUrl, TenantId, ClientId and ClientSecret (not expired), and that the app registration is an application user of the org (Power Platform admin center > Environments > Settings > Application users)")];
        }

        return
        [
            SystemCheck.Pass("signed in", $"as application user {user} at {connection.Options.OrgUrl.Host}"),
            await PrivilegesAsync(user, cancellationToken),
            await ChangeTrackingAsync(cancellationToken),
            await AlternateKeyAsync(cancellationToken),
        ];
    }

    private async Task<SystemCheck> PrivilegesAsync(Guid user, CancellationToken cancellationToken)
    {
        const string name = "privileges";
        const string action = "read the application user's privileges (RetrieveUserPrivileges)";
        try
        {
            using var response = await connection.SendAsync((api, ct) => api.UserPrivilegesAsync(user, ct), action, cancellationToken);
            var granted = (await connection.ReadAsync<UserPrivilegesRow>(response, action, cancellationToken)).RolePrivileges
                .Select(p => p.PrivilegeName).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = NeededPrivileges.Where(p => !granted.Contains(p)).ToList();
            return missing.Count == 0
                ? SystemCheck.Pass(name, "cases: read, create, write, append; notes: read, create, append")
                : SystemCheck.Fail(name, $"the application user lacks {string.Join(", ", missing)}",
                    "give the application user a security role with Case and Note: Create, Read, Write, Append, Append To (organisation level) in Power Platform admin center > Environments > Settings > Application users");
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, "give the application user a security role that may read its own privileges (System User: Read)");
        }
    }

    private async Task<SystemCheck> ChangeTrackingAsync(CancellationToken cancellationToken)
    {
        const string name = "change tracking on incident";
        const string action = "read the Case table's definition";
        try
        {
            using var response = await connection.SendAsync((api, ct) => api.IncidentDefinitionAsync("ChangeTrackingEnabled", ct), action, cancellationToken);
            var definition = await connection.ReadAsync<IncidentDefinitionRow>(response, action, cancellationToken);
            return definition.ChangeTrackingEnabled
                ? SystemCheck.Pass(name, "the Case table tracks changes")
                : SystemCheck.Fail(name, "the Case (incident) table does not track changes: the hub falls back to polling on modifiedon, which reads more and does not see deleted cases",
                    "in Power Apps (make.powerapps.com) open Tables > Case > Properties > Advanced options and tick 'Track changes', then save and publish");
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, "give the application user read access to table definitions (Entity: Read)");
        }
    }

    private async Task<SystemCheck> AlternateKeyAsync(CancellationToken cancellationToken)
    {
        var name = $"alternate key {connection.Options.CorrelationKeyColumn}";
        try
        {
            return await keyCheck.ProblemAsync(cancellationToken) is { } problem
                ? SystemCheck.Fail(name, problem, "create or activate the key as said, or point CorrelationKeyColumn at a column that has an active key")
                : SystemCheck.Pass(name, $"active on the Case table's column {connection.Options.CorrelationKeyColumn}");
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, "give the application user read access to table definitions (Entity: Read)");
        }
    }

    /// <summary>
    /// The option values of a value-mapped field as the org defines them (custom status reasons included): statuscode
    /// for status, prioritycode for priority; null for a field Dynamics keeps no list of here.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken)
    {
        (string Attribute, string Type)? column = field switch
        {
            "status" => ("statuscode", "StatusAttributeMetadata"),
            "priority" => ("prioritycode", "PicklistAttributeMetadata"),
            _ => null,
        };
        if (column is not { } c)
        {
            return null;
        }

        var action = $"read the options of the Case table's {c.Attribute}";
        using var response = await connection.SendAsync(
            (api, ct) => api.IncidentOptionsAsync(c.Attribute, c.Type, "LogicalName", "OptionSet($select=Options)", ct), action, cancellationToken);
        var options = await connection.ReadAsync<OptionSetRow>(response, action, cancellationToken);
        return options.OptionSet?.Options.Select(o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList() ?? [];
    }
}
