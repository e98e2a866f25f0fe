using System.Text.Json.Nodes;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Adapters.ServiceNow.Http;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// Applies a canonical change to an incident with one PATCH: the mapped columns (<see cref="MappedColumns"/>), the
/// short description, and a journal entry: a public comment as <c>comments</c> (the caller sees it), an internal one
/// as <c>work_notes</c>. A change with nothing for ServiceNow is accepted and ignored. An appointment is told as
/// <paramref name="appointmentSentence"/> tells it.
/// </summary>
internal sealed class IncidentUpdater(TableCalls calls, JournalGuard guard, Func<AppointmentWindow, string> appointmentSentence, ILogger logger)
{
    public async Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sysId = EncodedQueryText.Value(command.ExternalId, "the incident sys_id", calls.SystemName);
        var columns = new JsonObject();
        MappedColumns.Add(columns, command.TargetValues, command.Fields.Resolution, command.CaseId, calls.Options);
        if (command.Kind == ChangeKind.Reopened && !columns.ContainsKey("state"))
        {
            columns["state"] = "2";
        }

        if (!string.IsNullOrWhiteSpace(command.Fields.Title))
        {
            columns["short_description"] = IncidentText.ShortDescriptionOf(command.Fields.Title, command.CaseId);
        }

        if (EntryOf(command) is { } entry && !string.IsNullOrWhiteSpace(entry.Text))
        {
            var column = entry.IsPublic ? JournalColumns.Comments : JournalColumns.WorkNotes;
            var text = IncidentText.EntryOf(entry.Text);
            if (await guard.AlreadyWrittenAsync(sysId, column, text, command.QueuedAt, cancellationToken))
            {
                logger.LogInformation("Case {CaseId}: incident {SysId} already has this {Column} entry from the hub; not writing it twice", command.CaseId, sysId, column);
            }
            else
            {
                columns[column] = text;
            }
        }

        if (columns.Count == 0)
        {
            return;
        }

        await calls.ResultAsync($"changing incident {sysId} for case {command.CaseId} ({command.Kind})",
            (api, ct) => api.UpdateIncidentAsync(sysId, columns, "sys_id,number,state", "true", singleAttempt: true, ct), cancellationToken);
    }

    private CaseComment? EntryOf(ApplyChangeCommand command) => command.Kind switch
    {
        _ when command.Comment is not null => command.Comment,
        ChangeKind.AppointmentSet when command.Fields.Appointment is { } window => new CaseComment(appointmentSentence(window), IsPublic: true, Author: null),
        _ => null,
    };
}
