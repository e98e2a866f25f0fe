using System.Text.Json.Nodes;
using Hub.Abstractions.Adapters;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Reading;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// Creates the incident for a case, once: it first looks for an incident whose correlation_id is the case's key (a
/// crash may have come after the instance stored it), then POSTs one, in one attempt, with correlation_id and
/// correlation_display set, the caller found by the reporter's e-mail address and the assignment group by name or sys_id.
/// </summary>
internal sealed class IncidentCreator(TableCalls calls, IncidentFinder finder, ReferenceLookup references, ILogger logger)
{
    /// <summary>The route parameter that names another assignment group than the AssignmentGroup setting.</summary>
    public const string AssignmentGroupParameter = "assignmentGroup";

    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = calls.Options;
        if (string.IsNullOrWhiteSpace(command.CorrelationKey) || command.CorrelationKey.Length > IncidentFinder.CorrelationIdLimit)
        {
            throw AdapterException.Permanent(calls.SystemName,
                $"Case {command.CaseId}: the correlation key must be 1 to {IncidentFinder.CorrelationIdLimit} characters to fit ServiceNow's correlation_id.");
        }

        if (await finder.FindAsync(command.CorrelationKey, cancellationToken) is { } existing)
        {
            logger.LogInformation("Case {CaseId}: incident {Number} already carries correlation_id {CorrelationKey}; not creating another", command.CaseId, existing.ExternalNumber, command.CorrelationKey);
            return existing;
        }

        var columns = new JsonObject
        {
            ["short_description"] = IncidentText.ShortDescriptionOf(command.Fields.Title, command.CaseId),
            ["description"] = IncidentText.DescriptionOf(command),
            ["correlation_id"] = command.CorrelationKey,
            ["correlation_display"] = options.CorrelationDisplay,
        };
        if (await CallerOfAsync(command, cancellationToken) is { } caller)
        {
            columns["caller_id"] = caller;
        }

        var group = command.Parameters.TryGetValue(AssignmentGroupParameter, out var routed) && !string.IsNullOrWhiteSpace(routed) ? routed : options.AssignmentGroup;
        if (!string.IsNullOrWhiteSpace(group))
        {
            var setting = routed is { Length: > 0 } ? $"the route's \"{AssignmentGroupParameter}\" parameter" : calls.KeyOf(nameof(options.AssignmentGroup));
            columns["assignment_group"] = await references.RequireAsync("sys_user_group", "name", group, setting, cancellationToken);
        }

        MappedColumns.Add(columns, command.TargetValues, command.Fields.Resolution, command.CaseId, options);
        var created = new IncidentRow(await calls.ResultAsync($"creating the incident for case {command.CaseId}",
            (api, ct) => api.CreateIncidentAsync(columns, "sys_id,number,correlation_id", "true", singleAttempt: true, ct), cancellationToken));
        logger.LogInformation("Case {CaseId}: created incident {Number} with correlation_id {CorrelationKey}", command.CaseId, created.Number, command.CorrelationKey);
        return new RecordReference(created.SysId, created.Number);
    }

    /// <summary>The reporter's sys_user by e-mail address, else the CallerFallback setting's user; null leaves caller_id empty.</summary>
    private async Task<string?> CallerOfAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        var email = command.Fields.Reporter?.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !email.Contains('^', StringComparison.Ordinal)
            && await references.FindAsync("sys_user", "email", email, cancellationToken) is { } reporter)
        {
            return reporter;
        }

        var fallback = calls.Options.CallerFallback;
        return string.IsNullOrWhiteSpace(fallback)
            ? null
            : await references.RequireAsync("sys_user", "user_name", fallback, calls.KeyOf(nameof(ServiceNowOptions.CallerFallback)), cancellationToken);
    }
}
