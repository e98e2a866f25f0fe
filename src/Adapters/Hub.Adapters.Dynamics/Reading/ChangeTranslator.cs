using System.Globalization;
using AutoMapper;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>Turns incident rows and notes into the hub's observed changes.</summary>
internal sealed class ChangeTranslator(IMapper mapper, DynamicsOptions options, TimeProvider time)
{
    public ObservedChange FromCase(IncidentRow row, Guid appUserId)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        if (row.StatusCode is { } status)
        {
            raw[MappedField.Status] = status.ToString(CultureInfo.InvariantCulture);
        }

        if (row.PriorityCode is { } priority)
        {
            raw[MappedField.Priority] = priority.ToString(CultureInfo.InvariantCulture);
        }

        return new ObservedChange
        {
            ExternalId = row.IncidentId!.Value.ToString(),
            ExternalNumber = row.TicketNumber,
            Version = row.Version,
            Kind = row.CreatedOn is { } created && created == row.ModifiedOn ? ChangeKind.Created : ChangeKind.FieldsChanged,
            OccurredAt = row.ModifiedOn ?? time.GetUtcNow(),
            Fields = mapper.Map<CaseFields>(row),
            RawValues = raw,
            CorrelationKey = row.TextOf(options.CorrelationKeyColumn),
            WrittenByHub = row.ModifiedBy == appUserId,
            Actor = row.ModifiedByName ?? row.ModifiedBy?.ToString(),
        };
    }

    /// <summary>A case deleted in Dynamics: nobody will work on it there any more, which the hub treats as cancelled.</summary>
    public ObservedChange FromDeletedCase(IncidentRow row) => new()
    {
        ExternalId = row.DeletedId!.Value.ToString(),
        Version = "deleted",
        Kind = ChangeKind.Cancelled,
        OccurredAt = time.GetUtcNow(),
    };

    public ObservedChange FromNote(NoteRow note, Guid appUserId)
    {
        var text = NoteText.FromDynamics(note.NoteText);
        if (text.Length == 0 && !string.IsNullOrWhiteSpace(note.Subject))
        {
            text = note.Subject.Trim();
        }

        return new ObservedChange
        {
            ExternalId = note.CaseId!.Value.ToString(),
            Version = note.AnnotationId.ToString(),
            Kind = ChangeKind.CommentAdded,
            OccurredAt = note.CreatedOn ?? time.GetUtcNow(),
            Comment = new CaseComment(text, IsPublic: false, note.CreatedByName),
            WrittenByHub = note.CreatedBy == appUserId,
            Actor = note.CreatedByName ?? note.CreatedBy?.ToString(),
        };
    }
}
