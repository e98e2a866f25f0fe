using Hub.Adapters.TopDesk.Api;

namespace Hub.Adapters.TopDesk.Lookups;

/// <summary>The tenant's look-up lists the hub writes by id, and the id of the operator the hub logs in as.</summary>
internal sealed class TopDeskLookups
{
    private const int OperatorGroupPageSize = 100;
    private readonly ITopDeskApi api;
    private readonly TopDeskCalls calls;
    private TopDeskOperator? hubOperator;

    public TopDeskLookups(ITopDeskApi api, TopDeskCalls calls)
    {
        this.api = api;
        this.calls = calls;
        ProcessingStatuses = new(calls.SystemName, "processing status", "/incidents/statuses",
            ct => LoadAsync("reading the processing statuses", () => api.ListProcessingStatusesAsync(ct)));
        Categories = new(calls.SystemName, "category", "/incidents/categories",
            ct => LoadAsync("reading the categories", () => api.ListCategoriesAsync(ct)));
        Priorities = new(calls.SystemName, "priority", "/incidents/priorities",
            ct => LoadAsync("reading the priorities", () => api.ListPrioritiesAsync(ct)));
        Subcategories = new(calls.SystemName, "subcategory", "/incidents/subcategories", LoadSubcategoriesAsync);
        OperatorGroups = new(calls.SystemName, "operator group", "/operatorgroups", LoadOperatorGroupsAsync);
    }

    public LookupList ProcessingStatuses { get; }
    public LookupList Categories { get; }
    public LookupList Subcategories { get; }
    public LookupList Priorities { get; }
    public LookupList OperatorGroups { get; }

    /// <summary>The operator the hub's login belongs to: progress entries and changes by it are the hub's own.</summary>
    public async Task<TopDeskOperator> HubOperatorAsync(CancellationToken cancellationToken)
    {
        if (hubOperator is { } known)
        {
            return known;
        }

        var (current, _) = await calls.SendAsync("reading the hub's own operator", () => api.GetCurrentOperatorAsync(cancellationToken));
        hubOperator = current;
        return current;
    }

    private async Task<IReadOnlyList<LookupEntry>> LoadAsync(string what, Func<Task<Refit.IApiResponse<List<TopDeskLookupItem>>>> call)
    {
        var (items, _) = await calls.SendAsync(what, call, () => []);
        return [.. items.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select(i => new LookupEntry(i.Id, i.Name!))];
    }

    private async Task<IReadOnlyList<LookupEntry>> LoadSubcategoriesAsync(CancellationToken cancellationToken)
    {
        var (items, _) = await calls.SendAsync("reading the subcategories", () => api.ListSubcategoriesAsync(cancellationToken), () => []);
        return [.. items.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select(i => new LookupEntry(i.Id, i.Name!, i.Category?.Id))];
    }

    private async Task<IReadOnlyList<LookupEntry>> LoadOperatorGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = new List<LookupEntry>();
        for (var start = 0; ; start += OperatorGroupPageSize)
        {
            var (page, status) = await calls.SendAsync("reading the operator groups",
                () => api.ListOperatorGroupsAsync(start, OperatorGroupPageSize, cancellationToken), () => []);
            groups.AddRange(page.Where(g => !string.IsNullOrWhiteSpace(g.GroupName)).Select(g => new LookupEntry(g.Id, g.GroupName!)));
            if (status != System.Net.HttpStatusCode.PartialContent || page.Count == 0)
            {
                return groups;
            }
        }
    }
}
