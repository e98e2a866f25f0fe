using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;
using Hub.Adapters.TopDesk.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Readiness;

/// <summary>
/// Whether a TOPdesk tenant is ready for the hub: the REST API answers (<c>/version</c>), the operator signs in with
/// the application password (<c>/operators/current</c>), it may read incidents and has the call-operator tasks that
/// create and change them, and every operator group the hub assigns (the OperatorGroup setting, routes'
/// "operatorGroup") exists. Lists the tenant's statuses, categories and subcategories for the mapping's values.
/// </summary>
internal sealed class TopDeskReadiness(string systemName, ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, TopDeskOptions options, IMappingProvider mappings, string keyPrefix)
{
    public async Task<IReadOnlyList<SystemCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<SystemCheck>();
        try
        {
            var (version, _) = await calls.SendAsync("reading the REST API version", () => api.GetVersionAsync(cancellationToken));
            checks.Add(SystemCheck.Pass("reachable", $"{options.BaseUrl} answers, TOPdesk REST API {version.Version}"));
        }
        catch (AdapterException failure)
        {
            checks.Add(SystemCheck.Fail("reachable", failure.Message, $"check {keyPrefix}:BaseUrl (https://<tenant>.topdesk.net/tas/api/) and that this machine can reach it"));
            return checks;
        }

        TopDeskOperator me;
        try
        {
            (me, _) = await calls.SendAsync("signing in", () => api.GetCurrentOperatorAsync(cancellationToken));
            checks.Add(SystemCheck.Pass("signed in", $"as operator {me.DynamicName ?? me.Id} ({options.Username})"));
        }
        catch (AdapterException failure)
        {
            checks.Add(SystemCheck.Fail("signed in", failure.Message,
                $"set {keyPrefix}:Username to the operator's login name and {keyPrefix}:ApplicationPassword to an application password of that operator that has not expired"));
            return checks;
        }

        checks.Add(await IncidentRightsAsync(me, cancellationToken));
        checks.Add(await OperatorGroupsAsync(cancellationToken));
        return checks;
    }

    public async Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken) => field switch
    {
        MappedField.Status => await lookups.ProcessingStatuses.NamesAsync(cancellationToken),
        MappedField.Category => await lookups.Categories.NamesAsync(cancellationToken),
        MappedField.Subcategory => await lookups.Subcategories.NamesAsync(cancellationToken),
        MappedField.Priority => await lookups.Priorities.NamesAsync(cancellationToken),
        _ => null,
    };

    private async Task<SystemCheck> IncidentRightsAsync(TopDeskOperator me, CancellationToken cancellationToken)
    {
        const string name = "incident rights";
        var fix = $"give operator '{options.Username}' the tasks 1st and 2nd line call operator and, in its permission group, read, write and create on incidents (1st and 2nd line)";
        try
        {
            await calls.SendAsync("reading incidents", () => api.SampleIncidentsAsync(1, "id", cancellationToken), () => []);
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, fix);
        }

        var missing = new[] { (me.FirstLineCallOperator, "1st line call operator"), (me.SecondLineCallOperator, "2nd line call operator") }
            .Where(t => !t.Item1).Select(t => t.Item2).ToList();
        return missing.Count == 0
            ? SystemCheck.Pass(name, "reads incidents; 1st and 2nd line call operator")
            : SystemCheck.Fail(name, $"operator {me.DynamicName ?? me.Id} reads incidents but lacks the task {string.Join(" and ", missing)}, so it cannot create or change them", fix);
    }

    private async Task<SystemCheck> OperatorGroupsAsync(CancellationToken cancellationToken)
    {
        const string name = "operator groups";
        var wanted = mappings.Current.RoutesTo(systemName)
            .Select(r => r.Parameters.TryGetValue(IncidentCreator.OperatorGroupParameter, out var g) ? g : null)
            .Append(options.OperatorGroup)
            .Where(g => !string.IsNullOrWhiteSpace(g))
            .Select(g => g!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (wanted.Count == 0)
        {
            return SystemCheck.Pass(name, "none assigned by the hub");
        }

        IReadOnlyCollection<string> known;
        try
        {
            known = await lookups.OperatorGroups.NamesAsync(cancellationToken);
        }
        catch (AdapterException failure)
        {
            return SystemCheck.Fail(name, failure.Message, $"give operator '{options.Username}' read access to operator groups");
        }

        var missing = wanted.Where(g => !known.Contains(g, StringComparer.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0
            ? SystemCheck.Pass(name, $"{string.Join(", ", wanted)} exist")
            : SystemCheck.Fail(name, $"TOPdesk has no operator group {string.Join(", ", missing.Select(g => $"'{g}'"))}",
                $"correct {keyPrefix}:OperatorGroup or the route's \"operatorGroup\" parameter, or create the group in TOPdesk");
    }
}
