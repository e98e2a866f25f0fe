using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Reading;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>Finds the incident that carries the hub's correlation key in its external number, archived ones included.</summary>
internal sealed class IncidentFinder(ITopDeskApi api, TopDeskCalls calls)
{
    private const string Fields = "id,number,externalNumber,modificationDate";

    public async Task<RecordReference?> FindAsync(string correlationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationKey);
        var (incidents, _) = await calls.SendAsync($"looking for the incident with external number {correlationKey}",
            () => api.ListIncidentsAsync(FiqlQuery.ExternalNumberIs(correlationKey), 0, 10, "creationDate:asc", Fields, "true", cancellationToken),
            () => []);
        var match = incidents.FirstOrDefault(i => string.Equals(i.ExternalNumber, correlationKey, StringComparison.Ordinal));
        return match is null ? null : new RecordReference(match.Id, match.Number);
    }
}
