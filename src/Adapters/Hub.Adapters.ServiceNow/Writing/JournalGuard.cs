using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Reading;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// Keeps a retried comment or work note from being written twice. Writing a journal column always appends, so before
/// writing one the hub reads the incident's entries from <c>sys_journal_field</c> (never from its own memory, which a
/// restart loses): the same text in the same column by the integration user, written since the outbox queued the
/// command, means an earlier attempt got through and only its answer was lost. Without the queue time the last hour counts.
/// </summary>
internal sealed class JournalGuard(TableCalls calls, TimeProvider time)
{
    private static readonly TimeSpan WithoutQueueTime = TimeSpan.FromHours(1);
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(2);

    public async Task<bool> AlreadyWrittenAsync(string sysId, string column, string text, DateTimeOffset? queuedAt, CancellationToken cancellationToken)
    {
        var since = queuedAt is { } queued ? queued - ClockAllowance : time.GetUtcNow() - WithoutQueueTime;
        var user = EncodedQueryText.Value(calls.Options.EchoUser, "the integration user", calls.SystemName);
        var query = $"element_id={EncodedQueryText.Value(sysId, "the incident sys_id", calls.SystemName)}^element={column}^sys_created_by={user}" +
                    $"^sys_created_on>={ServiceNowTime.Write(since)}^ORDERBYDESCsys_created_on";
        var entries = await calls.ListAsync($"checking the {column} of incident {sysId}",
            (api, ct) => api.ListAsync("sys_journal_field", query, "sys_id,element_id,element,value,sys_created_by", 100, "false", "true", "true", ct), cancellationToken);
        var wanted = Normalise(text);
        return entries.Any(e => IncidentTranslation.Text(e, "element_id") == sysId
                                && IncidentTranslation.Text(e, "element") == column
                                && IncidentTranslation.Text(e, "sys_created_by") == calls.Options.EchoUser
                                && Normalise(IncidentTranslation.Text(e, "value")) == wanted);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
