using System.Net;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// Keeps a retried progress entry from being written twice. TOPdesk has no idempotent way to add an action, so
/// before writing one the hub reads the incident's progress trail from TOPdesk (never from its own memory, which a
/// restart loses): the same text by the hub's own operator, entered since the outbox queued the command, means an
/// earlier attempt of this command got through and only its answer was lost. The same words in a command queued after
/// that entry are a new entry. Without the queue time (a write outside the outbox) the last hour counts.
/// </summary>
internal sealed class ProgressEntryGuard(ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, TimeProvider time)
{
    private const int PageSize = 100; // TOPdesk's maximum for actions
    private const int MaxPages = 20;
    private static readonly TimeSpan WithoutQueueTime = TimeSpan.FromHours(1);

    /// <summary>How far TOPdesk's clock may run behind the hub's and still have its entry date count.</summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(2);

    public async Task<bool> AlreadyWrittenAsync(string incidentId, string html, DateTimeOffset? queuedAt, CancellationToken cancellationToken)
    {
        var hubOperatorId = (await lookups.HubOperatorAsync(cancellationToken)).Id;
        var since = queuedAt is { } queued ? queued - ClockAllowance : time.GetUtcNow() - WithoutQueueTime;
        var text = Normalise(TopDeskText.ToPlain(html));
        for (var page = 0; page < MaxPages; page++)
        {
            var start = page * PageSize;
            var (entries, status) = await calls.SendAsync($"checking the progress entries of incident {incidentId}",
                () => api.ListActionsAsync(incidentId, start, PageSize, cancellationToken), () => []);
            if (entries.Any(a => a.Operator?.Id == hubOperatorId
                                 && (a.EntryDate is null || a.EntryDate >= since)
                                 && Normalise(a.PlainText ?? TopDeskText.ToPlain(a.MemoText)) == text))
            {
                return true;
            }

            // newest first: a page that reaches back before the command was queued holds the last entries that count
            if (status != HttpStatusCode.PartialContent || entries.Count == 0 || entries.Any(a => a.EntryDate < since))
            {
                return false;
            }
        }

        return false;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
