using Hub.Abstractions.Adapters;

namespace Hub.Adapters.TopDesk.Lookups;

/// <summary>
/// A tenant-defined look-up list (processing statuses, categories, ...) resolved from name to id. The list is
/// cached; a name it does not know makes it load the list again once (an admin may just have added it) before
/// the name is refused as a permanent failure.
/// </summary>
internal sealed class LookupList(string systemName, string what, string endpoint, Func<CancellationToken, Task<IReadOnlyList<LookupEntry>>> load)
{
    private IReadOnlyList<LookupEntry>? entries;

    public async Task<string> ResolveAsync(string name, string? parentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var known = entries;
        if (known is not null && Find(known, name, parentId) is { } cached)
        {
            return cached.Id;
        }

        known = await ReloadAsync(cancellationToken);
        return Find(known, name, parentId)?.Id
            ?? throw AdapterException.Permanent(systemName,
                $"TOPdesk has no {what} named '{name}'{(parentId is null ? string.Empty : " in that category")} ({endpoint}). " +
                $"Known: {string.Join(", ", known.Where(e => parentId is null || e.ParentId == parentId).Select(e => e.Name).Take(30))}. " +
                "Add it in TOPdesk or correct the value map.");
    }

    /// <summary>The names on the list as TOPdesk has them now (read again, and kept).</summary>
    public async Task<IReadOnlyCollection<string>> NamesAsync(CancellationToken cancellationToken) =>
        [.. (await ReloadAsync(cancellationToken)).Select(e => e.Name)];

    private async Task<IReadOnlyList<LookupEntry>> ReloadAsync(CancellationToken cancellationToken)
    {
        var loaded = await load(cancellationToken);
        entries = loaded; // a concurrent reload only costs one more look-up call
        return loaded;
    }

    private static LookupEntry? Find(IReadOnlyList<LookupEntry> list, string name, string? parentId) =>
        list.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                                 && (parentId is null || e.ParentId is null || e.ParentId == parentId));
}
