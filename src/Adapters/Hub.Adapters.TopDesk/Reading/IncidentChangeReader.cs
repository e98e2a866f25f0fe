using System.Net;
using System.Text.Json;
using AutoMapper;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;
using Hub.Adapters.TopDesk.Mapping;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Logging;
using Refit;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// Reads one page of the incidents changed since the watermark (minus an overlap), sorted by modification date and id
/// and paged by keyset (each page from the last modification date read, see <see cref="ListPosition"/>; 206 = more,
/// 204 = none), and turns each into a full snapshot plus one change per progress entry written since. Entries and
/// changes by the hub's own operator are marked as the hub's. While TOPdesk has more, the batch says so
/// (<see cref="ChangeBatch.HasMore"/>) and its watermark says where the next page starts: the engine does the paging.
/// The overlap lists incidents read before again; the progress entries of those that did not change since, and were
/// taken in, are not read again (<see cref="SettledIncidents"/>).
/// </summary>
internal sealed class IncidentChangeReader(
    ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, IMapper mapper, TopDeskOptions options, TimeProvider time, ILogger logger)
{
    private readonly SettledIncidents settled = new();

    /// <summary>Only what the hub maps: TOPdesk documents that all fields (the default) is slow.</summary>
    internal const string Fields =
        "id,number,status,briefDescription,request,externalNumber,caller,callerBranch,callerLocation,branch,location," +
        "category,subcategory,priority,processingStatus,operatorGroup,completed,closed,targetDate,creationDate,modificationDate,creator,modifier";

    private const int ActionPageSize = 100;

    public async Task<ChangeBatch> ReadAsync(string? watermark, CancellationToken cancellationToken)
    {
        var position = PollWatermark.Parse(SettledIncidents.Unmarked(watermark));
        var since = position.ResumeSince
                    ?? (position.Latest is { } seen ? seen - options.PollOverlap : time.GetUtcNow() - options.FirstPollLookback);
        settled.StartRead(watermark, since);
        var at = position.ResumeAt ?? ListPosition.StartAt(since);
        var hubOperatorId = (await lookups.HubOperatorAsync(cancellationToken)).Id;
        var latest = position.Latest ?? since;
        var (items, status, answeredAt) = await ListAsync(at, at.PageStart, at.PageSizeFor(options.PageSize), cancellationToken);
        var listed = items.Select(IncidentOnPage.ListedAs).ToList();
        if (!at.Continues(listed) && SettledIncidents.ReadAfterSettling(at.From, answeredAt) && at.LookBack(options.PageSize) is { } back)
        {
            logger.LogDebug("{System}: incidents before {Position} moved away while being read; looking back for the last one read", calls.SystemName, at);
            (items, status, answeredAt) = await ListAsync(at, back.PageStart, back.PageSize, cancellationToken);
            listed = items.Select(IncidentOnPage.ListedAs).ToList();
            var found = listed.FindIndex(i => string.Equals(i.Id, at.LastId, StringComparison.OrdinalIgnoreCase));
            if (found >= 0)
            {
                at = at.FoundAt(back.PageStart, found);
                (items, listed) = ([.. items.Skip(found)], [.. listed.Skip(found)]);
            }
        }

        if (!at.Continues(listed))
        {
            logger.LogDebug("{System}: incidents before {Position} changed while being read; reading that second again", calls.SystemName, at);
            return new ChangeBatch([], new PollWatermark(latest, since, at.Restarted()).ToString(), HasMore: true);
        }

        var changes = new List<ObservedChange>();
        var unreadable = new List<UnreadableRecord>();
        var (incidents, read) = ReadEach(at.Unread(items), unreadable, ref latest);
        var snapshots = new ObservedChange?[incidents.Count];
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            snapshots[i] = Translated(unreadable, read[i], () => SnapshotOf(incident, hubOperatorId));
            if (incident.ModificationDate is { } modified && modified > latest)
            {
                latest = modified;
            }
        }

        var progress = await ReadProgressOfPageAsync(incidents, snapshots, since, hubOperatorId, cancellationToken);
        var clock = answeredAt is { } answered && answered > latest ? answered : latest; // TOPdesk's clock had reached this before the entries were read
        var nowSettled = new List<SettledIncident>();
        for (var i = 0; i < incidents.Count; i++)
        {
            if (snapshots[i] is not { } snapshot)
            {
                continue;
            }

            var entries = progress[i];
            if (Translated(unreadable, read[i], () => entries.Changes.ToList()) is not { } translated)
            {
                continue;
            }

            changes.Add(snapshot);
            changes.AddRange(translated);
            if (entries.Read && incidents[i].ModificationDate is { } modified && SettledIncidents.ReadAfterSettling(modified, clock))
            {
                nowSettled.Add(new SettledIncident(incidents[i].Id, snapshot.Version, modified));
            }
        }

        return status == HttpStatusCode.PartialContent && listed.Count > 0
            ? new ChangeBatch(changes, settled.Propose(new PollWatermark(latest, since, at.After(listed)).ToString(), nowSettled), HasMore: true) { Unreadable = unreadable }
            : new ChangeBatch(changes, settled.Propose(new PollWatermark(latest).ToString(), nowSettled)) { Unreadable = unreadable };
    }

    /// <summary>The incidents changed since the position's second, in keyset order, from an offset within that second.</summary>
    private Task<(List<JsonElement> Items, HttpStatusCode Status, DateTimeOffset? AnsweredAt)> ListAsync(ListPosition at, int pageStart, int pageSize, CancellationToken cancellationToken) =>
        calls.SendDatedAsync($"reading changed incidents (from {at})",
            () => api.ListIncidentsAsJsonAsync(FiqlQuery.ModifiedSince(at.From), pageStart, pageSize, at.Sort, Fields, "true", cancellationToken),
            () => []);

    /// <summary>
    /// One incident as it is now, by its id (a UUID) or its number ("I 2026 042"), as the snapshot a poll makes of it;
    /// null when TOPdesk knows no such incident (404). Its progress entries are not read: they are changes of their own.
    /// </summary>
    public async Task<ObservedChange?> ReadOneAsync(string record, CancellationToken cancellationToken)
    {
        TopDeskIncident incident;
        try
        {
            (incident, _) = await calls.SendAsync($"reading incident {record}", () => Guid.TryParse(record, out _)
                ? api.GetIncidentAsync(record, cancellationToken)
                : api.GetIncidentByNumberAsync(record, cancellationToken));
        }
        catch (AdapterException missing) when (missing.InnerException is ApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }

        var hubOperatorId = (await lookups.HubOperatorAsync(cancellationToken)).Id;
        return SnapshotOf(incident, hubOperatorId);
    }

    /// <summary>
    /// Reads each incident of a page on its own. One that cannot be read is reported as unreadable (its modification
    /// date, when that could be read, still moves the watermark past it); the others are returned with their JSON.
    /// </summary>
    private static (List<TopDeskIncident> Incidents, List<JsonElement> Json) ReadEach(List<JsonElement> items, List<UnreadableRecord> unreadable, ref DateTimeOffset latest)
    {
        var incidents = new List<TopDeskIncident>(items.Count);
        var json = new List<JsonElement>(items.Count);
        foreach (var item in items)
        {
            if (IncidentOnPage.TryRead(item, out var incident, out var broken))
            {
                incidents.Add(incident);
                json.Add(item);
            }
            else
            {
                unreadable.Add(broken.Record);
                if (broken.ModifiedAt is { } modified && modified > latest)
                {
                    latest = modified;
                }
            }
        }

        return (incidents, json);
    }

    /// <summary>Translates part of one incident (its snapshot, its progress entries); when that throws, the incident is reported as unreadable instead.</summary>
    private T? Translated<T>(List<UnreadableRecord> unreadable, JsonElement json, Func<T> translate)
        where T : class
    {
        try
        {
            return translate();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var broken = IncidentOnPage.Untranslatable(json, e).Record;
            logger.LogWarning(e, "{System}: {Reason}", calls.SystemName, broken.Reason);
            unreadable.Add(broken);
            return null;
        }
    }

    private ObservedChange SnapshotOf(TopDeskIncident incident, string hubOperatorId) =>
        mapper.Map<ObservedChange>(new IncidentRead(incident, hubOperatorId, time.GetUtcNow()));

    /// <summary>
    /// The progress entries of every incident on a page that could be translated and is not settled (see
    /// <see cref="SettledIncidents"/>), read <see cref="TopDeskOptions.ProgressReadConcurrency"/> at a time (one list
    /// call per incident dominates a poll), returned in the page's order.
    /// </summary>
    private async Task<ProgressOfIncident[]> ReadProgressOfPageAsync(
        List<TopDeskIncident> incidents, ObservedChange?[] snapshots, DateTimeOffset since, string hubOperatorId, CancellationToken cancellationToken)
    {
        var results = new ProgressOfIncident[incidents.Count];
        Array.Fill(results, ProgressOfIncident.NotRead);
        var toRead = Enumerable.Range(0, incidents.Count)
            .Where(i => snapshots[i] is { } snapshot && !settled.IsSettled(incidents[i].Id, snapshot.Version))
            .ToList();
        await Parallel.ForEachAsync(toRead,
            new ParallelOptions { MaxDegreeOfParallelism = options.ProgressReadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await ReadProgressAsync(incidents[i], since, hubOperatorId, ct));
        return results;
    }

    private async Task<ProgressOfIncident> ReadProgressAsync(
        TopDeskIncident incident, DateTimeOffset since, string hubOperatorId, CancellationToken cancellationToken)
    {
        var actions = new List<TopDeskAction>();
        try
        {
            for (var start = 0; ; start += ActionPageSize)
            {
                var (page, status) = await calls.SendAsync($"reading the progress entries of incident {incident.Number ?? incident.Id}",
                    () => api.ListActionsAsync(incident.Id, start, ActionPageSize, cancellationToken), () => []);
                actions.AddRange(page);
                if (status != HttpStatusCode.PartialContent || page.Count == 0)
                {
                    break;
                }
            }
        }
        catch (AdapterException ex) when (ex.Kind == FailureKind.Permanent)
        {
            // gone or hidden since it was listed: its snapshot still counts, one incident must not stop the poll
            logger.LogWarning("{System}: skipped the progress entries of incident {Number}: {Reason}", calls.SystemName, incident.Number ?? incident.Id, ex.Message);
            return ProgressOfIncident.NotRead;
        }

        actions.Reverse(); // TOPdesk lists the newest first; entries of one instant keep their order this way
        return new ProgressOfIncident(true, actions
            .Where(a => a.EntryDate is null || a.EntryDate >= since)
            .OrderBy(a => a.EntryDate ?? DateTimeOffset.MinValue)
            .Select(a => mapper.Map<ObservedChange>(new ProgressEntryRead(incident, a, hubOperatorId, time.GetUtcNow()))));
    }

    /// <summary>The progress entries of one incident (mapped when enumerated), and whether they were read at all.</summary>
    private sealed record ProgressOfIncident(bool Read, IEnumerable<ObservedChange> Changes)
    {
        public static ProgressOfIncident NotRead { get; } = new(false, []);
    }
}
