using System.Globalization;
using AutoMapper;
using Hub.Adapters.Dynamics.Rows;
using Hub.Adapters.Dynamics.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>
/// Dynamics rows ↔ the hub's canonical words: a case row read becomes its snapshot (an observed change with the
/// canonical fields and Dynamics' own status and priority codes), a note a comment, a deleted case a cancellation; a
/// create command the whole body of a new case, a change of fields the columns it writes. Statuses and priorities are
/// not translated here: they travel as Dynamics' own codes in RawValues / TargetValues for the engine's value maps.
/// </summary>
internal sealed class DynamicsProfile : Profile
{
    public DynamicsProfile(DynamicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MapReading(options.CorrelationKeyColumn);
        MapWriting();
    }

    private void MapReading(string correlationKeyColumn)
    {
        CreateMap<IncidentRow, CaseFields>()
            .ForMember(f => f.Title, o => o.MapFrom(r => r.Title))
            .ForMember(f => f.Description, o => o.MapFrom(r => r.Description))
            .ForMember(f => f.TargetDate, o => o.MapFrom(r => r.ResolveBy))
            // value-mapped: Dynamics' own codes travel in RawValues
            .ForMember(f => f.Status, o => o.Ignore())
            .ForMember(f => f.Priority, o => o.Ignore())
            // the description holds where and who as the hub wrote them, and a case has no category of its own:
            // the service desk owns those fields, which flow down, never up from here
            .ForMember(f => f.Category, o => o.Ignore())
            .ForMember(f => f.Subcategory, o => o.Ignore())
            .ForMember(f => f.Location, o => o.Ignore())
            .ForMember(f => f.Reporter, o => o.Ignore())
            // an appointment and a resolution reach Dynamics as notes and the resolution activity
            .ForMember(f => f.Appointment, o => o.Ignore())
            .ForMember(f => f.Resolution, o => o.Ignore());

        CreateMap<CaseRead, ObservedChange>()
            .ForMember(d => d.ExternalId, o => o.MapFrom(s => s.Row.IncidentId!.Value.ToString()))
            .ForMember(d => d.ExternalNumber, o => o.MapFrom(s => s.Row.TicketNumber))
            .ForMember(d => d.Version, o => o.MapFrom(s => s.Row.Version))
            .ForMember(d => d.Kind, o => o.MapFrom(s => s.Row.CreatedOn != null && s.Row.CreatedOn == s.Row.ModifiedOn ? ChangeKind.Created : ChangeKind.FieldsChanged))
            .ForMember(d => d.OccurredAt, o => o.MapFrom(s => s.Row.ModifiedOn ?? s.ReadAt))
            .ForMember(d => d.Fields, o => o.MapFrom(s => s.Row))
            .ForMember(d => d.RawValues, o => o.MapFrom(s => RawValuesOf(s.Row)))
            .ForMember(d => d.Comment, o => o.Ignore()) // notes are changes of their own
            .ForMember(d => d.CorrelationKey, o => o.MapFrom(s => s.Row.TextOf(correlationKeyColumn)))
            .ForMember(d => d.WrittenByHub, o => o.MapFrom(s => s.Row.ModifiedBy == s.AppUserId))
            .ForMember(d => d.Actor, o => o.MapFrom((s, _) => s.Row.ModifiedByName ?? s.Row.ModifiedBy?.ToString()));

        // a tombstone: nobody will work on the case in Dynamics any more, which the hub treats as cancelled
        CreateMap<DeletedCaseRead, ObservedChange>(MemberList.Source)
            .ForMember(d => d.Version, o => o.MapFrom(_ => "deleted"))
            .ForMember(d => d.Kind, o => o.MapFrom(_ => ChangeKind.Cancelled))
            .ForMember(d => d.OccurredAt, o => o.MapFrom(s => s.ReadAt));

        CreateMap<NoteRow, CaseComment>()
            .ForCtorParam(nameof(CaseComment.Text), o => o.MapFrom(n => TextOf(n)))
            .ForCtorParam(nameof(CaseComment.IsPublic), o => o.MapFrom(_ => false))
            .ForCtorParam(nameof(CaseComment.Author), o => o.MapFrom(n => n.CreatedByName));

        CreateMap<NoteRead, ObservedChange>()
            .ForMember(d => d.ExternalId, o => o.MapFrom(s => s.Note.CaseId!.Value.ToString()))
            .ForMember(d => d.Version, o => o.MapFrom(s => s.Note.AnnotationId.ToString()))
            .ForMember(d => d.Kind, o => o.MapFrom(_ => ChangeKind.CommentAdded))
            .ForMember(d => d.OccurredAt, o => o.MapFrom(s => s.Note.CreatedOn ?? s.ReadAt))
            .ForMember(d => d.Comment, o => o.MapFrom(s => s.Note))
            .ForMember(d => d.WrittenByHub, o => o.MapFrom(s => s.Note.CreatedBy == s.AppUserId))
            .ForMember(d => d.Actor, o => o.MapFrom((s, _) => s.Note.CreatedByName ?? s.Note.CreatedBy?.ToString()))
            // a note names its case by id only, and changes no field
            .ForMember(d => d.ExternalNumber, o => o.Ignore())
            .ForMember(d => d.CorrelationKey, o => o.Ignore())
            .ForMember(d => d.Fields, o => o.Ignore())
            .ForMember(d => d.RawValues, o => o.Ignore());
    }

    private void MapWriting()
    {
        CreateMap<CaseToCreate, NewCase>()
            .ForMember(d => d.Title, o => o.MapFrom(s => IncidentText.Title(s.Command.Fields.Title)))
            .ForMember(d => d.Description, o => o.MapFrom(s => IncidentText.Description(s.Command.Fields, s.Command.UpstreamRecords, s.Command.CaseId)))
            .ForMember(d => d.CaseOrigin, o => o.MapFrom(s => s.Origin))
            .ForMember(d => d.PriorityCode, o => o.MapFrom(s => IncidentText.Priority(s.Command.TargetValues)))
            .ForMember(d => d.ResolveBy, o => o.MapFrom(s => s.Command.Fields.TargetDate))
            .ForMember(d => d.StatusCode, o => o.MapFrom(s => ActiveStatusReasonOf(s.Command)))
            .ForMember(d => d.Bindings, o => o.MapFrom(s => BindingsOf(s.Customer)));

        CreateMap<ApplyChangeCommand, CaseColumns>()
            .ForMember(d => d.Title, o => o.MapFrom(c => IncidentText.Title(c.Fields.Title)))
            .ForMember(d => d.Description, o => o.MapFrom(c => IncidentText.DescriptionAfter(c)))
            .ForMember(d => d.PriorityCode, o => o.MapFrom(c => IncidentText.Priority(c.TargetValues)))
            .ForMember(d => d.ResolveBy, o => o.MapFrom(c => c.Fields.TargetDate));
    }

    private static Dictionary<string, object> BindingsOf((string Property, string Value) customer) => new() { [customer.Property] = customer.Value };

    private static Dictionary<string, string> RawValuesOf(IncidentRow row)
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

        return raw;
    }

    /// <summary>The note's text as people wrote it; its subject when it has no text.</summary>
    private static string TextOf(NoteRow note)
    {
        var text = NoteText.FromDynamics(note.NoteText);
        return text.Length == 0 && !string.IsNullOrWhiteSpace(note.Subject) ? note.Subject.Trim() : text;
    }

    /// <summary>The mapped status reason when it is one of an active case (a case is created active); null otherwise.</summary>
    private static int? ActiveStatusReasonOf(CreateRecordCommand command) =>
        command.TargetValues.TryGetValue(MappedField.Status, out var status)
        && int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var reason)
        && CaseStates.StateOf(reason, command.Fields.Status) == CaseStates.Active
            ? reason
            : null;
}
