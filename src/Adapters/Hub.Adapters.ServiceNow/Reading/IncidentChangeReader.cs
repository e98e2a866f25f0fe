using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Writing;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.ServiceNow.Reading;

/// <summary>
/// Reads one page of the incidents changed since the watermark (minus an overlap), in (sys_updated_on, sys_id) order,
/// paged by keyset (<see cref="ReadPosition"/>): first the rest of the second the last page ended in
/// (<c>sys_updated_on=T^sys_id&gt;L</c>), then what came after it (<c>sys_updated_on&gt;T</c>). Each incident gives its
/// snapshot and one change per journal entry since (one <c>sys_journal_field</c> query per page). A row the hub cannot
/// read is set aside naming the incident; the rest of the page goes on.
/// </summary>
internal sealed class IncidentChangeReader(TableCalls calls, IncidentTranslation translation, TimeProvider time, ILogger logger)
{
    private const string JournalFields = "sys_id,element_id,element,value,sys_created_on,sys_created_by";
    private const int JournalLimit = 10000;
    private const int IdsPerJournalQuery = 100;

    public async Task<ChangeBatch> ReadAsync(string? watermark, CancellationToken cancellationToken)
    {
        var options = calls.Options;
        var position = ReadPosition.Parse(watermark);
        var since = ServiceNowTime.ToSecond(position.Since
                    ?? (position.Latest is { } seen ? seen - options.PollOverlap : time.GetUtcNow() - options.FirstPollLookback));
        var from = position.From ?? since;
        var latest = position.Latest ?? since;
        List<JsonElement> rows = [];
        var restOfSecond = position.LastId is not null;
        if (restOfSecond)
        {
            rows = await ListAsync($"sys_updated_on={ServiceNowTime.Write(from)}^sys_id>{position.LastId}^ORDERBYsys_id", options.PageSize, cancellationToken);
        }

        if (rows.Count == 0)
        {
            restOfSecond = false;
            var after = position.LastId is not null ? ">" : ">=";
            rows = await ListAsync($"sys_updated_on{after}{ServiceNowTime.Write(from)}^ORDERBYsys_updated_on^ORDERBYsys_id", options.PageSize, cancellationToken);
        }

        var changes = new List<ObservedChange>();
        var unreadable = new List<UnreadableRecord>();
        var incidents = new List<IncidentRow>();
        foreach (var json in rows)
        {
            try
            {
                var row = new IncidentRow(json);
                changes.Add(translation.Snapshot(row));
                incidents.Add(row);
                if (ServiceNowTime.TryRead(row.UpdatedOn, out var updated) && updated > latest)
                {
                    latest = updated;
                }
            }
            catch (FormatException e)
            {
                unreadable.Add(SetAside(json, e));
            }
        }

        await AddCommentsAsync(incidents, since, changes, unreadable, cancellationToken);
        var last = rows.Select(IncidentRow.IdentityOf).Zip(rows).Select(r => (Id: r.First.Id, Row: r.Second))
            .LastOrDefault(r => !r.Id.StartsWith("unidentified:", StringComparison.Ordinal));
        var lastUpdated = last.Row.ValueKind == JsonValueKind.Object && ServiceNowTime.TryRead(SafeValue(last.Row, "sys_updated_on"), out var lastMoment) ? lastMoment : (DateTimeOffset?)null;
        var more = restOfSecond || rows.Count >= options.PageSize;
        if (more && last.Id is not null && lastUpdated is { } next)
        {
            return new ChangeBatch(changes, new ReadPosition(latest, since, next, last.Id).ToString(), HasMore: true) { Unreadable = unreadable };
        }

        return new ChangeBatch(changes, new ReadPosition(latest).ToString()) { Unreadable = unreadable };
    }

    /// <summary>One incident as it is now, by sys_id or number; null when the instance has none.</summary>
    public async Task<ObservedChange?> ReadOneAsync(string record, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record);
        var query = ReferenceLookup.IsSysId(record) ? $"sys_id={record}" : $"number={EncodedQueryText.Value(record, "the incident number")}";
        var rows = await ListAsync(query, 1, cancellationToken);
        return rows.Count == 0 ? null : translation.Snapshot(new IncidentRow(rows[0]));
    }

    private Task<List<JsonElement>> ListAsync(string query, int limit, CancellationToken cancellationToken) =>
        calls.ListAsync($"reading changed incidents ({query})",
            (api, ct) => api.ListAsync("incident", query, IncidentRow.Fields, limit, "all", "true", "true", ct), cancellationToken);

    private async Task AddCommentsAsync(List<IncidentRow> incidents, DateTimeOffset since, List<ObservedChange> changes, List<UnreadableRecord> unreadable, CancellationToken cancellationToken)
    {
        if (incidents.Count == 0)
        {
            return;
        }

        var byId = incidents.GroupBy(i => i.SysId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<JsonElement>();
        foreach (var ids in byId.Keys.Chunk(IdsPerJournalQuery)) // a URL stays short enough for any proxy
        {
            var query = $"element_idIN{string.Join(',', ids)}^elementIN{JournalColumns.Comments},{JournalColumns.WorkNotes}" +
                        $"^sys_created_on>={ServiceNowTime.Write(since)}^ORDERBYsys_created_on^ORDERBYsys_id";
            var found = await calls.ListAsync($"reading the comments and work notes of {ids.Length} incidents",
                (api, ct) => api.ListAsync("sys_journal_field", query, JournalFields, JournalLimit, "false", "true", "true", ct), cancellationToken);
            if (found.Count >= JournalLimit)
            {
                logger.LogWarning("{System}: {Count} journal entries on {Incidents} incidents at once; lower PageSize so none is missed", calls.SystemName, found.Count, ids.Length);
            }

            entries.AddRange(found);
        }

        foreach (var entry in entries)
        {
            string elementId;
            try
            {
                elementId = IncidentTranslation.Text(entry, "element_id");
            }
            catch (FormatException)
            {
                continue; // no incident to name: the query asked for this page's incidents only
            }

            if (!byId.TryGetValue(elementId, out var incident))
            {
                continue;
            }

            try
            {
                changes.Add(translation.Comment(incident, entry));
            }
            catch (FormatException e)
            {
                var reason = $"ServiceNow incident {incident.Number} ({incident.SysId}): a journal entry cannot be read: {e.Message}";
                logger.LogWarning("{System}: {Reason}", calls.SystemName, reason);
                unreadable.Add(new UnreadableRecord(incident.SysId, incident.Number, "journal:" + IncidentRow.HashOf(entry), reason));
            }
        }
    }

    private UnreadableRecord SetAside(JsonElement json, FormatException failure)
    {
        var (id, number, version) = IncidentRow.IdentityOf(json);
        var reason = $"ServiceNow incident {number ?? id} cannot be read: {failure.Message}";
        logger.LogWarning("{System}: {Reason}", calls.SystemName, reason);
        return new UnreadableRecord(id, number, version, reason);
    }

    private static string SafeValue(JsonElement row, string column) =>
        row.TryGetProperty(column, out var cell)
            ? cell.ValueKind == JsonValueKind.String ? cell.GetString() ?? string.Empty
            : cell.ValueKind == JsonValueKind.Object && cell.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty
            : string.Empty;
}
