using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// Keeps a retried progress entry from being written twice. TOPdesk has no idempotent way to add an action, so
/// before writing one the hub looks at the incident's newest entries: the same text by the hub's own operator
/// within the last hour means an earlier attempt got through and only its answer was lost.
/// </summary>
internal sealed class ProgressEntryGuard(ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, TimeProvider time)
{
    private const int NewestEntries = 10;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<bool> AlreadyWrittenAsync(string incidentId, string html, CancellationToken cancellationToken)
    {
        var hubOperatorId = (await lookups.HubOperatorAsync(cancellationToken)).Id;
        var (newest, _) = await calls.SendAsync($"checking the newest progress entries of incident {incidentId}",
            () => api.ListActionsAsync(incidentId, 0, NewestEntries, cancellationToken), () => []);
        var since = time.GetUtcNow() - Window;
        var text = Normalise(TopDeskText.ToPlain(html));
        return newest.Any(a => a.Operator?.Id == hubOperatorId
                               && (a.EntryDate is null || a.EntryDate >= since)
                               && Normalise(a.PlainText ?? TopDeskText.ToPlain(a.MemoText)) == text);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
