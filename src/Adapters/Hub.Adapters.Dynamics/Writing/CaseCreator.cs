using System.Globalization;
using System.Net;
using AutoMapper;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>
/// Creates cases idempotently: a create-only upsert by the alternate key (<c>If-None-Match: *</c>); a 412 means the
/// case exists already (an earlier attempt got through), so that one is used.
/// </summary>
internal sealed class CaseCreator(DataverseConnection connection, IMapper mapper)
{
    private const string ReadSelect = "incidentid,ticketnumber,versionnumber";

    private string SystemName => connection.SystemName;

    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        var key = IncidentKey.Segment(connection.Options.CorrelationKeyColumn, command.CorrelationKey, SystemName);
        var body = mapper.Map<NewCase>(new CaseToCreate(command, CustomerBinding.From(command.Parameters, SystemName), Origin(command.Parameters)));
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            throw AdapterException.Permanent(SystemName, $"Case {command.CaseId} has no title; a Dynamics case requires one.");
        }

        const string action = "create a case";
        using var response = await connection.SendAsync((api, ct) => api.CreateByKeyAsync(key, ReadSelect, DataverseBody.Of(body), ct), action, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            return await FindAsync(command.CorrelationKey, cancellationToken)
                ?? throw AdapterException.Transient(SystemName, $"Dynamics says a case with key {command.CorrelationKey} exists but does not return it; will try again.");
        }

        return Reference(await connection.ReadAsync<IncidentRow>(response, action, cancellationToken));
    }

    public async Task<RecordReference?> FindAsync(string correlationKey, CancellationToken cancellationToken)
    {
        var key = IncidentKey.Segment(connection.Options.CorrelationKeyColumn, correlationKey, SystemName);
        const string action = "find a case by its correlation key";
        using var response = await connection.SendAsync((api, ct) => api.GetIncidentAsync(key, ReadSelect, ct), action, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : Reference(await connection.ReadAsync<IncidentRow>(response, action, cancellationToken));
    }

    private int Origin(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("origin", out var origin) && int.TryParse(origin, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : connection.Options.DefaultCaseOrigin;

    private RecordReference Reference(IncidentRow row) =>
        row.IncidentId is { } id
            ? new RecordReference(id.ToString(), row.TicketNumber, row.Version)
            : throw AdapterException.Transient(SystemName, "Dynamics answered without the case's id.");
}
