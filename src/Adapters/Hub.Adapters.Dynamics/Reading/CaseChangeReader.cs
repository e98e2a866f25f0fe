using System.Globalization;
using System.Net;
using System.Text.Json;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>
/// Reads one page of changed cases. Change tracking first: the initial read with <c>Prefer: odata.track-changes</c>,
/// then the delta link (changed rows and deleted ones). When the table does not track changes, or the delta token has
/// expired, it polls on <c>modifiedon</c> instead (from the last change seen; from the start when none was), and after
/// an expired token it goes back to change tracking once caught up.
/// </summary>
internal sealed class CaseChangeReader(DataverseConnection connection, ChangeTranslator translator, ILogger logger)
{
    private const string Action = "read changed cases";

    private string Select => string.Join(',',
        "incidentid", "ticketnumber", "title", "description", "prioritycode", "statecode", "statuscode", "resolveby",
        "createdon", "modifiedon", "_modifiedby_value", "versionnumber", connection.Options.CorrelationKeyColumn);

    private string Prefer(bool track) =>
        (track ? "odata.track-changes," : string.Empty)
        + $"odata.maxpagesize={connection.Options.PageSize.ToString(CultureInfo.InvariantCulture)},"
        + "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

    /// <summary>Reads one page; rows that cannot be read or translated go to <paramref name="unreadable"/> and the rest of the page is read.</summary>
    public async Task<(List<ObservedChange> Changes, DynamicsWatermark Next)> ReadPageAsync(DynamicsWatermark state, Guid appUserId, List<UnreadableRecord> unreadable, CancellationToken cancellationToken)
    {
        return state.Mode == DynamicsWatermark.PollMode
            ? await PollAsync(state, appUserId, unreadable, cancellationToken)
            : await TrackAsync(state, appUserId, unreadable, cancellationToken);
    }

    /// <summary>
    /// One case as it is now, by its incidentid or its ticket number, as the change a poll makes of it (same columns);
    /// null when the org has no such case.
    /// </summary>
    public async Task<ObservedChange?> ReadOneAsync(string record, Guid appUserId, CancellationToken cancellationToken)
    {
        var action = $"read case {record}";
        if (Guid.TryParse(record, out var id))
        {
            using var response = await connection.SendAsync((api, ct) => api.GetIncidentAsync(id.ToString(), Select, ct), action, cancellationToken);
            return response.StatusCode == HttpStatusCode.NotFound
                ? null
                : translator.FromCase(await connection.ReadAsync<IncidentRow>(response, action, cancellationToken), appUserId);
        }

        var filter = $"ticketnumber eq '{record.Replace("'", "''", StringComparison.Ordinal)}'";
        using var found = await connection.SendAsync((api, ct) => api.QueryIncidentsAsync(Select, filter, "modifiedon asc,incidentid asc", Prefer(track: false), ct), action, cancellationToken);
        var page = await connection.ReadAsync<ODataPage<IncidentRow>>(found, action, cancellationToken);
        return page.Value.FirstOrDefault() is { } row ? translator.FromCase(row, appUserId) : null;
    }

    private async Task<(List<ObservedChange>, DynamicsWatermark)> TrackAsync(DynamicsWatermark state, Guid appUserId, List<UnreadableRecord> unreadable, CancellationToken cancellationToken)
    {
        using var response = state.CaseLink is { } link
            ? await connection.FollowAsync(link, Prefer(track: true), Action, cancellationToken)
            : await connection.SendAsync((api, ct) => api.TrackIncidentsAsync(Select, Prefer(track: true), ct), Action, cancellationToken);

        if (response.StatusCode == HttpStatusCode.BadRequest && state.CaseLink is not null)
        {
            var error = await DataverseError.ReadAsync(response, cancellationToken);
            logger.LogWarning("Dynamics {System}: the change tracking token is no longer valid ({Error}); polling on modifiedon since {Since} instead, then tracking again",
                connection.SystemName, error, state.CasesHigh?.ToString("o", CultureInfo.InvariantCulture) ?? "the start");
            return await PollAsync(state with { Mode = DynamicsWatermark.PollMode, ResumeTracking = true, CaseLink = null, CasePaging = false, CasesSince = state.CasesHigh }, appUserId, unreadable, cancellationToken);
        }

        if (state.CaseLink is null && !TrackingApplied(response) && response.IsSuccessStatusCode)
        {
            logger.LogWarning("Dynamics {System}: change tracking is not enabled on the Case (incident) table; polling on modifiedon instead. Enable 'Track changes' on the table to read changes more cheaply.",
                connection.SystemName);
            return await PollAsync(state with { Mode = DynamicsWatermark.PollMode, ResumeTracking = false, CaseLink = null, CasePaging = false }, appUserId, unreadable, cancellationToken);
        }

        var page = await connection.ReadAsync<ODataPage<JsonElement>>(response, Action, cancellationToken);
        var changes = Translate(page, appUserId, unreadable, out var high, leaveOutBefore: state.InitialReadFrom);
        var next = state with
        {
            CaseLink = page.NextLink ?? page.DeltaLink,
            CasePaging = page.NextLink is not null,
            CasesHigh = DynamicsWatermark.Later(state.CasesHigh, high),
            InitialReadFrom = page.NextLink is null ? null : state.InitialReadFrom,
        };
        return (changes, next);
    }

    private async Task<(List<ObservedChange>, DynamicsWatermark)> PollAsync(DynamicsWatermark state, Guid appUserId, List<UnreadableRecord> unreadable, CancellationToken cancellationToken)
    {
        var filter = state.CasesSince is { } since ? "modifiedon ge " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
        using var response = state.CaseLink is { } link && state.CasePaging
            ? await connection.FollowAsync(link, Prefer(track: false), Action, cancellationToken)
            : await connection.SendAsync((api, ct) => api.QueryIncidentsAsync(Select, filter, "modifiedon asc,incidentid asc", Prefer(track: false), ct), Action, cancellationToken);
        var page = await connection.ReadAsync<ODataPage<JsonElement>>(response, Action, cancellationToken);
        var changes = Translate(page, appUserId, unreadable, out var high);
        var seen = DynamicsWatermark.Later(state.CasesHigh, high);
        if (page.NextLink is not null)
        {
            return (changes, state with { CaseLink = page.NextLink, CasePaging = true, CasesHigh = seen });
        }

        var caughtUp = state with { CaseLink = null, CasePaging = false, CasesHigh = seen, CasesSince = seen ?? state.CasesSince };
        return (changes, caughtUp.ResumeTracking
            ? caughtUp with { Mode = DynamicsWatermark.TrackMode, ResumeTracking = false, InitialReadFrom = caughtUp.CasesSince }
            : caughtUp);
    }

    /// <summary>
    /// Translates a page's rows. With <paramref name="leaveOutBefore"/> (the initial read of change tracking, which
    /// refuses <c>$filter</c> and so brings every row) rows last modified before it are left out: the org's history.
    /// </summary>
    private List<ObservedChange> Translate(ODataPage<JsonElement> page, Guid appUserId, List<UnreadableRecord> unreadable, out DateTimeOffset? high, DateTimeOffset? leaveOutBefore = null)
    {
        high = null;
        var leftOut = 0;
        var changes = new List<ObservedChange>(page.Value.Count);
        foreach (var item in page.Value)
        {
            if (!RowOnPage.TryRead<IncidentRow>(item, out var row, out var unread))
            {
                var outOfShape = RowOnPage.Case(item, unread!, read: true);
                if (leaveOutBefore is { } cut && outOfShape.ModifiedOn is { } stamped && stamped < cut)
                {
                    leftOut++;
                    continue;
                }

                high = SetAside(outOfShape, unreadable, high);
                continue;
            }

            if (leaveOutBefore is { } since && !row.IsDeleted && row.ModifiedOn is { } modified && modified < since)
            {
                leftOut++;
                continue;
            }

            try
            {
                if (row.IsDeleted)
                {
                    changes.Add(translator.FromDeletedCase(row));
                }
                else if (row.IncidentId is not null)
                {
                    changes.Add(translator.FromCase(row, appUserId));
                    high = DynamicsWatermark.Later(high, row.ModifiedOn);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                high = SetAside(RowOnPage.Case(item, e, read: false), unreadable, high);
            }
        }

        if (leftOut > 0)
        {
            logger.LogInformation("Dynamics {System}: left out {Count} cases last changed before {Since} (older than the first poll's lookback, or read already)",
                connection.SystemName, leftOut, leaveOutBefore!.Value.ToString("o", CultureInfo.InvariantCulture));
        }

        return changes;
    }

    /// <summary>Reports an unreadable row; its modifiedon, when that could be read, still moves the mark past it.</summary>
    private DateTimeOffset? SetAside(RowOnPage.Unreadable row, List<UnreadableRecord> unreadable, DateTimeOffset? high)
    {
        logger.LogWarning("Dynamics {System}: {Reason}", connection.SystemName, row.Record.Reason);
        unreadable.Add(row.Record);
        return DynamicsWatermark.Later(high, row.ModifiedOn);
    }

    private static bool TrackingApplied(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Preference-Applied", out var values)
        && values.Any(v => v.Contains("odata.track-changes", StringComparison.OrdinalIgnoreCase));
}
