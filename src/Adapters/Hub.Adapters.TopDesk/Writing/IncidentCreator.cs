using AutoMapper;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// Creates the incident for a case, once: it first looks for an incident carrying the correlation key (a crash
/// may have happened after TOPdesk stored it), then posts one with search-list values resolved to ids.
/// </summary>
internal sealed class IncidentCreator(
    ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, IncidentFinder finder, IMapper mapper, TopDeskOptions options, ILogger logger)
{
    public const int ExternalNumberLimit = 60;
    public const string OperatorGroupParameter = "operatorGroup";

    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.CorrelationKey) || command.CorrelationKey.Length > ExternalNumberLimit)
        {
            throw AdapterException.Permanent(calls.SystemName,
                $"Case {command.CaseId}: the correlation key must be 1 to {ExternalNumberLimit} characters to fit TOPdesk's external number.");
        }

        if (await finder.FindAsync(command.CorrelationKey, cancellationToken) is { } existing)
        {
            logger.LogInformation("Case {CaseId}: incident {Number} already carries key {CorrelationKey}; not creating another", command.CaseId, existing.ExternalNumber, command.CorrelationKey);
            return existing;
        }

        var incident = mapper.Map<NewIncident>(command);
        await ResolveSearchListsAsync(incident, command, cancellationToken);

        var (created, _) = await calls.SendAsync($"creating the incident for case {command.CaseId}",
            () => api.CreateIncidentAsync(incident, singleAttempt: true, cancellationToken));
        logger.LogInformation("Case {CaseId}: created incident {Number} with key {CorrelationKey}", command.CaseId, created.Number, command.CorrelationKey);
        return new RecordReference(created.Id, created.Number);
    }

    private async Task ResolveSearchListsAsync(NewIncident incident, CreateRecordCommand command, CancellationToken cancellationToken)
    {
        var values = command.TargetValues;
        if (values.TryGetValue(MappedField.Category, out var category) && !string.IsNullOrWhiteSpace(category))
        {
            incident.Category = new(await lookups.Categories.ResolveAsync(category, null, cancellationToken));
        }

        if (values.TryGetValue(MappedField.Subcategory, out var subcategory) && !string.IsNullOrWhiteSpace(subcategory))
        {
            incident.Subcategory = new(await lookups.Subcategories.ResolveAsync(subcategory, incident.Category?.Id, cancellationToken));
        }

        if (values.TryGetValue(MappedField.Priority, out var priority) && !string.IsNullOrWhiteSpace(priority))
        {
            incident.Priority = new(await lookups.Priorities.ResolveAsync(priority, null, cancellationToken));
        }

        if (values.TryGetValue(MappedField.Status, out var status) && !string.IsNullOrWhiteSpace(status))
        {
            incident.ProcessingStatus = new(await lookups.ProcessingStatuses.ResolveAsync(status, null, cancellationToken));
        }

        var group = command.Parameters.TryGetValue(OperatorGroupParameter, out var routed) && !string.IsNullOrWhiteSpace(routed)
            ? routed
            : options.OperatorGroup;
        if (!string.IsNullOrWhiteSpace(group))
        {
            incident.OperatorGroup = new(await lookups.OperatorGroups.ResolveAsync(group, null, cancellationToken));
        }
    }
}
