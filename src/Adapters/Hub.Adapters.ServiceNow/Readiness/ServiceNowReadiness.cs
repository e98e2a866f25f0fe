using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Reading;
using Hub.Adapters.ServiceNow.Writing;

namespace Hub.Adapters.ServiceNow.Readiness;

/// <summary>
/// Whether an instance is ready for the hub: it answers and the integration user signs in (its sys_user row), that
/// user's time zone is GMT (encoded-query times are read in it), it may read incidents and sys_journal_field (where
/// comments and work notes are), and every assignment group the hub assigns exists. Lists the instance's state,
/// priority, category and subcategory choices (sys_choice) for the mapping's values.
/// </summary>
internal sealed class ServiceNowReadiness(string systemName, TableCalls calls, ReferenceLookup references, IMappingProvider mappings)
{
    private static readonly string[] UtcZones = ["GMT", "UTC", "Etc/UTC", "Etc/GMT"];

    public async Task<IReadOnlyList<SystemCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var options = calls.Options;
        var checks = new List<SystemCheck>();
        System.Text.Json.JsonElement user;
        try
        {
            user = await IntegrationUserAsync(cancellationToken)
                   ?? throw AdapterException.Permanent(systemName, $"the instance has no active user '{options.EchoUser}'");
            checks.Add(SystemCheck.Pass("signed in", $"{options.InstanceUrl} answers; the hub acts as {options.EchoUser} ({options.Authentication})"));
        }
        catch (AdapterException failure)
        {
            checks.Add(SystemCheck.Fail("signed in", failure.Message,
                $"check {calls.KeyOf(nameof(options.InstanceUrl))} and the credentials; the integration user needs the roles itil and rest_api_explorer (or equivalent) and read access to sys_user"));
            return checks;
        }

        var zone = IncidentTranslation.Text(user, "time_zone");
        checks.Add(UtcZones.Contains(zone, StringComparer.OrdinalIgnoreCase)
            ? SystemCheck.Pass("time zone", $"{options.EchoUser} works in {zone}")
            : SystemCheck.Fail("time zone", $"{options.EchoUser} works in '{(zone.Length == 0 ? "the system default" : zone)}', not GMT: times in the hub's queries would be read in that zone",
                $"set the Time zone of user {options.EchoUser} to GMT"));
        checks.Add(await CanReadAsync("incidents", "incident", "read access to the incident table (role itil)", cancellationToken));
        checks.Add(await CanReadAsync("comments and work notes", "sys_journal_field", "read access to sys_journal_field (an ACL granting it to the integration user's role)", cancellationToken));
        checks.Add(await AssignmentGroupsAsync(cancellationToken));
        return checks;
    }

    public async Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken)
    {
        var element = field switch
        {
            MappedField.Status => "state",
            MappedField.Priority => "priority",
            MappedField.Category => "category",
            MappedField.Subcategory => "subcategory",
            _ => null,
        };
        if (element is null)
        {
            return null;
        }

        var rows = await calls.ListAsync($"listing the {element} choices of incidents",
            (api, ct) => api.ListAsync("sys_choice", $"name=incident^element={element}^inactive=false", "value,element", 1000, "false", "true", "true", ct), cancellationToken);
        return [.. rows.Where(r => IncidentTranslation.Text(r, "element") == element).Select(r => IncidentTranslation.Text(r, "value")).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The integration user's sys_user row, for health and readiness.</summary>
    public async Task<System.Text.Json.JsonElement?> IntegrationUserAsync(CancellationToken cancellationToken)
    {
        var name = EncodedQueryText.Value(calls.Options.EchoUser, "the integration user", systemName);
        var rows = await calls.ListAsync("reading the integration user",
            (api, ct) => api.ListAsync("sys_user", $"user_name={name}", "sys_id,user_name,time_zone,active", 2, "false", "true", "true", ct), cancellationToken);
        var match = rows.FirstOrDefault(r => IncidentTranslation.Text(r, "user_name") == calls.Options.EchoUser);
        return match.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : match;
    }

    private async Task<SystemCheck> CanReadAsync(string name, string table, string fix, CancellationToken cancellationToken)
    {
        try
        {
            await calls.ListAsync($"reading {table}", (api, ct) => api.ListAsync(table, "ORDERBYDESCsys_created_on", "sys_id", 1, "false", "true", "true", ct), cancellationToken);
            return SystemCheck.Pass(name, $"reads {table}");
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, $"give {calls.Options.EchoUser} {fix}");
        }
    }

    private async Task<SystemCheck> AssignmentGroupsAsync(CancellationToken cancellationToken)
    {
        const string name = "assignment groups";
        var wanted = mappings.Current.RoutesTo(systemName)
            .Select(r => r.Parameters.TryGetValue(IncidentCreator.AssignmentGroupParameter, out var g) ? g : null)
            .Append(calls.Options.AssignmentGroup)
            .Where(g => !string.IsNullOrWhiteSpace(g))
            .Select(g => g!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (wanted.Count == 0)
        {
            return SystemCheck.Pass(name, "none assigned by the hub");
        }

        var missing = new List<string>();
        try
        {
            foreach (var group in wanted)
            {
                if (await references.FindAsync("sys_user_group", "name", group, cancellationToken) is null)
                {
                    missing.Add(group);
                }
            }
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, $"give {calls.Options.EchoUser} read access to sys_user_group");
        }

        return missing.Count == 0
            ? SystemCheck.Pass(name, $"{string.Join(", ", wanted)} exist")
            : SystemCheck.Fail(name, $"the instance has no group {string.Join(", ", missing.Select(g => $"'{g}'"))}",
                $"correct {calls.KeyOf(nameof(ServiceNowOptions.AssignmentGroup))} or the route's \"{IncidentCreator.AssignmentGroupParameter}\" parameter, or create the group");
    }
}
