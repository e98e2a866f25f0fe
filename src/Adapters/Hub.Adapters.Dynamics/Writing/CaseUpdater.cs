using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AutoMapper;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>
/// Applies canonical changes to a case. Column updates carry the row's ETag (<c>If-Match</c>); on 412 the case is read
/// again and only the columns this change sets are written on top of the newer row. Resolving goes through the
/// <c>CloseIncident</c> action (a PATCH of statecode 1 is refused by Dynamics); cancelling and reactivating set
/// statecode and statuscode. Comments and appointments become notes on the case; an appointment without the engine's
/// sentence is told as <paramref name="appointmentSentence"/> tells it (<see cref="SystemContext.AppointmentSentence"/>).
/// </summary>
internal sealed class CaseUpdater(DataverseConnection connection, IMapper mapper, Func<AppointmentWindow, string> appointmentSentence, ILogger logger)
{
    private const int MaxAttempts = 4;
    private const string RowSelect = "incidentid,title,description,prioritycode,statecode,statuscode,resolveby,versionnumber";

    private string SystemName => connection.SystemName;

    public Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        var id = CaseId(command.ExternalId);
        return command.Kind switch
        {
            ChangeKind.FieldsChanged => UpdateColumnsAsync(id, mapper.Map<CaseColumns>(command), cancellationToken),
            ChangeKind.StatusChanged => SetStatusAsync(id, RequiredReason(command), command.Fields.Status, Resolution(command), cancellationToken),
            ChangeKind.Resolved => SetStatusAsync(id, ReasonIn(command, CaseStates.Resolved), CaseStatus.Resolved, Resolution(command), cancellationToken),
            ChangeKind.Cancelled => SetStatusAsync(id, ReasonIn(command, CaseStates.Cancelled), CaseStatus.Cancelled, null, cancellationToken),
            ChangeKind.Reopened => SetStatusAsync(id, ReasonIn(command, CaseStates.Active), CaseStatus.InProgress, null, cancellationToken),
            ChangeKind.CommentAdded when command.Comment is { } comment => AddNoteAsync(id, NoteIds.For(command), Subject(comment), comment.Text, cancellationToken),
            ChangeKind.AppointmentSet => AddNoteAsync(id, NoteIds.For(command), "Appointment", AppointmentText(command), cancellationToken),
            _ => Task.CompletedTask, // nothing to do in Dynamics for this kind
        };
    }

    private async Task UpdateColumnsAsync(Guid id, CaseColumns columns, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await ReadAsync(id, cancellationToken);
            if (row.StateCode is not CaseStates.Active)
            {
                logger.LogWarning("Dynamics {System}: case {CaseId} is resolved or cancelled and read-only; its columns are left as they are", SystemName, id);
                return;
            }

            var patch = Differences(columns, row);
            if (patch.IsEmpty)
            {
                return;
            }

            if (await TryPatchAsync(id, DataverseBody.Of(patch), row.ETag, "update the case's columns", cancellationToken))
            {
                return;
            }
        }

        throw KeptChanging(id);
    }

    private async Task SetStatusAsync(Guid id, int reason, CaseStatus? canonical, string? resolution, CancellationToken cancellationToken)
    {
        var state = CaseStates.StateOf(reason, canonical)
            ?? throw AdapterException.Permanent(SystemName, $"Status reason {reason} is not one Dynamics knows by default; map it to a standard statuscode or send the canonical status with it.");
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await ReadAsync(id, cancellationToken);
            if (row.StateCode == state && row.StatusCode == reason)
            {
                return;
            }

            if (state != CaseStates.Active && row.StateCode is not CaseStates.Active)
            {
                // a resolved or cancelled case is read-only: reactivate it first, then read it again
                await TryPatchAsync(id, new JsonObject { ["statecode"] = CaseStates.Active, ["statuscode"] = CaseStates.DefaultReason(CaseStates.Active) }, row.ETag, "reactivate the case", cancellationToken);
                continue;
            }

            if (state == CaseStates.Resolved)
            {
                await CloseAsync(id, reason, resolution, cancellationToken);
                return;
            }

            if (await TryPatchAsync(id, new JsonObject { ["statecode"] = state, ["statuscode"] = reason }, row.ETag, "change the case's status", cancellationToken))
            {
                return;
            }
        }

        throw KeptChanging(id);
    }

    private async Task CloseAsync(Guid id, int reason, string? resolution, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(resolution) ? "Resolved" : resolution.Trim();
        var body = new JsonObject
        {
            ["IncidentResolution"] = new JsonObject
            {
                ["@odata.type"] = "Microsoft.Dynamics.CRM.incidentresolution",
                ["subject"] = TextCut.Shorten(text, 200),
                ["description"] = IncidentText.Clip(text),
                ["incidentid@odata.bind"] = $"/incidents({id})",
            },
            ["Status"] = reason,
        };
        const string action = "resolve the case (CloseIncident)";
        using var response = await connection.SendAsync((api, ct) => api.CloseIncidentAsync(body, ct), action, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await connection.FailureAsync(response, action, cancellationToken);
            var row = await ReadAsync(id, cancellationToken);
            if (row.StateCode != CaseStates.Resolved || row.StatusCode != reason)
            {
                throw failure;
            }

            // an earlier attempt whose answer got lost had resolved it already
        }
    }

    /// <summary>
    /// Creates the note under the id derived from its outbox command (create-only upsert, <c>If-None-Match: *</c>):
    /// whichever attempt comes first writes it, every later one (an HTTP retry, an outbox retry, after a restart) is
    /// refused with 412 "A record with matching key values already exists." and counts as written.
    /// </summary>
    private async Task AddNoteAsync(Guid id, Guid noteId, string subject, string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["subject"] = TextCut.Shorten(subject, 500),
            ["notetext"] = NoteText.ToDynamics(text),
            ["objectid_incident@odata.bind"] = $"/incidents({id})",
        };
        const string action = "add a note to the case";
        using var response = await connection.SendAsync((api, ct) => api.AddNoteAsync(noteId.ToString(), body, ct), action, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            logger.LogInformation("Dynamics {System}: note {NoteId} on case {CaseId} was written by an earlier attempt; not adding it twice", SystemName, noteId, id);
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await connection.FailureAsync(response, action, cancellationToken);
        }
    }

    /// <summary>PATCHes with the row's ETag; false when someone changed the case since it was read (412).</summary>
    private async Task<bool> TryPatchAsync(Guid id, JsonObject patch, string? etag, string action, CancellationToken cancellationToken)
    {
        using var response = await connection.SendAsync((api, ct) => api.UpdateIncidentAsync(id.ToString(), patch, etag ?? "*", ct), action, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            logger.LogInformation("Dynamics {System}: case {CaseId} changed while the hub wrote to it; reading it again and merging", SystemName, id);
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await connection.FailureAsync(response, action, cancellationToken);
        }

        return true;
    }

    private async Task<IncidentRow> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        const string action = "read the case";
        using var response = await connection.SendAsync((api, ct) => api.GetIncidentAsync(id.ToString(), RowSelect, ct), action, cancellationToken);
        var row = await connection.ReadAsync<IncidentRow>(response, action, cancellationToken);
        return row.ETag is null && response.Headers.ETag is { } header ? Copy(row, header.ToString()) : row;
    }

    private static IncidentRow Copy(IncidentRow row, string etag)
    {
        row.ETag = etag;
        return row;
    }

    /// <summary>The columns whose value the row does not have already: only those are written.</summary>
    private static CaseColumns Differences(CaseColumns columns, IncidentRow row) => new()
    {
        Title = columns.Title != row.Title ? columns.Title : null,
        Description = columns.Description != row.Description ? columns.Description : null,
        PriorityCode = columns.PriorityCode != row.PriorityCode ? columns.PriorityCode : null,
        ResolveBy = columns.ResolveBy != row.ResolveBy ? columns.ResolveBy : null,
    };

    private Guid CaseId(string externalId) =>
        Guid.TryParse(externalId, out var id)
            ? id
            : throw AdapterException.Permanent(SystemName, $"'{externalId}' is not a Dynamics case id (incidentid).");

    private int RequiredReason(ApplyChangeCommand command) =>
        Reason(command) ?? throw AdapterException.Permanent(SystemName,
            $"No Dynamics status reason came with the status change of case {command.CaseId}: add the status to the value map of system {SystemName}.");

    private static int ReasonIn(ApplyChangeCommand command, int state) =>
        Reason(command) is { } reason && CaseStates.StateOf(reason, null) == state ? reason : CaseStates.DefaultReason(state);

    private static int? Reason(ApplyChangeCommand command) =>
        command.TargetValues.TryGetValue(MappedField.Status, out var value) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var reason)
            ? reason
            : null;

    private static string? Resolution(ApplyChangeCommand command) => command.Fields.Resolution ?? command.Comment?.Text;

    private static string Subject(CaseComment comment) =>
        (comment.IsPublic ? "Update" : "Internal note") + (string.IsNullOrWhiteSpace(comment.Author) ? string.Empty : " from " + comment.Author);

    private string AppointmentText(ApplyChangeCommand command) =>
        command.Comment?.Text
        ?? (command.Fields.Appointment is { } window ? appointmentSentence(window) : "Appointment set");

    private AdapterException KeptChanging(Guid id) =>
        AdapterException.Transient(SystemName, $"Case {id} kept changing while the hub tried to write to it ({MaxAttempts} attempts); will try again later.");
}
