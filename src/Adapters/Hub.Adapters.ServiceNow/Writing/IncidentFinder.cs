using Hub.Abstractions.Adapters;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Reading;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>Finds the incident that carries the hub's correlation key in correlation_id (the eBonding convention).</summary>
internal sealed class IncidentFinder(TableCalls calls)
{
    /// <summary>correlation_id's length.</summary>
    public const int CorrelationIdLimit = 100;

    public async Task<RecordReference?> FindAsync(string correlationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationKey);
        var key = EncodedQueryText.Value(correlationKey, "the correlation key", calls.SystemName);
        var rows = await calls.ListAsync($"looking for the incident with correlation_id {correlationKey}",
            (api, ct) => api.ListAsync("incident", $"correlation_id={key}^ORDERBYsys_created_on", "sys_id,number,correlation_id", 10, "false", "true", "true", ct),
            cancellationToken);
        // the instance drops a condition it cannot apply and returns everything: only an exact match counts
        var match = rows.FirstOrDefault(r => IncidentTranslation.Text(r, "correlation_id") == correlationKey);
        return match.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? null
            : new RecordReference(IncidentTranslation.Text(match, "sys_id"), IncidentTranslation.Text(match, "number"));
    }
}
