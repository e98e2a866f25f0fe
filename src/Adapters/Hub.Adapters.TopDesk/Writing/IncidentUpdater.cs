using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// Applies a canonical change to an incident with one PATCH: processing status and other search lists by id,
/// completed/closed, brief description and target date, and a progress entry (escaped text in <c>action</c>,
/// hidden from the caller unless the comment is public). A change with nothing for TOPdesk is accepted and ignored. An
/// appointment without the engine's sentence is told as <paramref name="appointmentSentence"/> tells it
/// (<see cref="SystemContext.AppointmentSentence"/>).
/// </summary>
internal sealed class IncidentUpdater(
    ITopDeskApi api, TopDeskCalls calls, TopDeskLookups lookups, ProgressEntryGuard guard, Func<AppointmentWindow, string> appointmentSentence, ILogger logger)
{
    public async Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var patch = new IncidentPatch();
        await ResolveSearchListsAsync(patch, command.TargetValues, cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.Fields.Title))
        {
            patch.BriefDescription = TopDeskText.Cut(command.Fields.Title.Trim().ReplaceLineEndings(" "), IncidentRequestText.BriefDescriptionLimit);
        }

        patch.TargetDate = command.Fields.TargetDate;
        SetCompletion(patch, command);
        if (ProgressEntryOf(command) is { } entry && !string.IsNullOrWhiteSpace(entry.Text))
        {
            var html = TopDeskText.ToHtml(entry.Text.Trim());
            if (await guard.AlreadyWrittenAsync(command.ExternalId, html, command.QueuedAt, cancellationToken))
            {
                logger.LogInformation("Case {CaseId}: incident {IncidentId} already has this progress entry from the hub; not writing it twice", command.CaseId, command.ExternalId);
            }
            else
            {
                patch.Action = html;
                patch.ActionInvisibleForCaller = !entry.IsPublic;
            }
        }

        if (patch.IsEmpty)
        {
            return;
        }

        await calls.SendAsync($"changing incident {command.ExternalId} for case {command.CaseId} ({command.Kind})",
            () => api.PatchIncidentAsync(command.ExternalId, patch, singleAttempt: true, cancellationToken));
    }

    private async Task ResolveSearchListsAsync(IncidentPatch patch, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (Value(values, MappedField.Status) is { } status)
        {
            patch.ProcessingStatus = new(await lookups.ProcessingStatuses.ResolveAsync(status, null, cancellationToken));
        }

        if (Value(values, MappedField.Priority) is { } priority)
        {
            patch.Priority = new(await lookups.Priorities.ResolveAsync(priority, null, cancellationToken));
        }

        if (Value(values, MappedField.Category) is { } category)
        {
            patch.Category = new(await lookups.Categories.ResolveAsync(category, null, cancellationToken));
        }

        if (Value(values, MappedField.Subcategory) is { } subcategory)
        {
            patch.Subcategory = new(await lookups.Subcategories.ResolveAsync(subcategory, patch.Category?.Id, cancellationToken));
        }
    }

    private static void SetCompletion(IncidentPatch patch, ApplyChangeCommand command)
    {
        var status = command.Fields.Status;
        if (command.Kind == ChangeKind.Reopened)
        {
            patch.Completed = false;
            patch.Closed = false;
        }
        else if (command.Kind == ChangeKind.Cancelled || status is CaseStatus.Closed or CaseStatus.Cancelled)
        {
            patch.Completed = true;
            patch.Closed = true;
        }
        else if (command.Kind == ChangeKind.Resolved || status == CaseStatus.Resolved)
        {
            patch.Completed = true;
        }
    }

    private CaseComment? ProgressEntryOf(ApplyChangeCommand command) => command.Kind switch
    {
        _ when command.Comment is not null => command.Comment,
        ChangeKind.Resolved when !string.IsNullOrWhiteSpace(command.Fields.Resolution) => new CaseComment(command.Fields.Resolution, IsPublic: true, Author: null),
        ChangeKind.AppointmentSet when command.Fields.Appointment is { } window => new CaseComment(appointmentSentence(window), IsPublic: true, Author: null),
        _ => null,
    };

    private static string? Value(IReadOnlyDictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
