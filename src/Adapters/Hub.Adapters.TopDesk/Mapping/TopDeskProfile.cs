using AutoMapper;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Reading;
using Hub.Adapters.TopDesk.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Mapping;

/// <summary>
/// TOPdesk records ↔ the hub's canonical words: an incident read becomes its snapshot (an observed change with the
/// canonical fields and TOPdesk's own names of its value-mapped fields), a progress entry a comment, a create command
/// a new incident. Values of status, priority, category and subcategory are not translated here: the adapter reports
/// TOPdesk's own names and receives target names from the engine's JSON value maps; look-up ids are filled in by the
/// writer once it has looked them up.
/// </summary>
internal sealed class TopDeskProfile : Profile
{
    private const int CallerNameLimit = 109;
    private const int PhoneLimit = 25;
    private const int EmailLimit = 100;

    public TopDeskProfile(TopDeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MapReading();
        MapWriting(options);
    }

    private void MapReading()
    {
        CreateMap<IncidentRead, CaseFields>()
            .ForMember(d => d.Title, o => o.MapFrom(s => s.CreatedByHub && IsCutByHub(s.Incident.BriefDescription) ? null : s.Incident.BriefDescription))
            .ForMember(d => d.Description, o => o.MapFrom(s => s.CreatedByHub ? null : s.Incident.Request))
            .ForMember(d => d.Reporter, o => o.MapFrom(s => s.CreatedByHub ? null : ReporterOf(s.Incident.Caller)))
            .ForMember(d => d.Location, o => o.MapFrom(s => LocationOf(s.Incident)))
            .ForMember(d => d.TargetDate, o => o.MapFrom(s => s.Incident.TargetDate))
            // value-mapped: TOPdesk's own names travel in RawValues
            .ForMember(d => d.Status, o => o.Ignore())
            .ForMember(d => d.Priority, o => o.Ignore())
            .ForMember(d => d.Category, o => o.Ignore())
            .ForMember(d => d.Subcategory, o => o.Ignore())
            // an appointment and a resolution reach TOPdesk as progress entries and come back as comments
            .ForMember(d => d.Appointment, o => o.Ignore())
            .ForMember(d => d.Resolution, o => o.Ignore());

        CreateMap<IncidentRead, ObservedChange>()
            .ForMember(d => d.ExternalId, o => o.MapFrom(s => s.Incident.Id))
            .ForMember(d => d.ExternalNumber, o => o.MapFrom(s => s.Incident.Number))
            .ForMember(d => d.Kind, o => o.MapFrom(s => IsNew(s.Incident) ? ChangeKind.Created : ChangeKind.FieldsChanged))
            .ForMember(d => d.OccurredAt, o => o.MapFrom(s => s.Incident.ModificationDate ?? s.Incident.CreationDate ?? s.ReadAt))
            .ForMember(d => d.Fields, o => o.MapFrom(s => s))
            .ForMember(d => d.RawValues, o => o.MapFrom(s => RawValuesOf(s.Incident)))
            .ForMember(d => d.Comment, o => o.Ignore()) // progress entries are changes of their own
            .ForMember(d => d.CorrelationKey, o => o.MapFrom(s => CorrelationKeyOf(s.Incident)))
            .ForMember(d => d.WrittenByHub, o => o.MapFrom(s => s.Incident.Modifier != null && s.Incident.Modifier.Id == s.HubOperatorId))
            .ForMember(d => d.Actor, o => o.MapFrom(s => s.Incident.Modifier != null ? s.Incident.Modifier.Name : null))
            .ForMember(d => d.Version, o =>
            {
                o.SetMappingOrder(1); // after the fields and raw values it is a hash of
                o.MapFrom((s, d) => SnapshotVersion.Of(s.Incident.ModificationDate, d.Fields, d.RawValues, s.Incident.Completed, s.Incident.Closed));
            });

        CreateMap<TopDeskAction, CaseComment>()
            .ForCtorParam(nameof(CaseComment.Text), o => o.MapFrom(s => s.PlainText ?? TopDeskText.ToPlain(s.MemoText)))
            .ForCtorParam(nameof(CaseComment.IsPublic), o => o.MapFrom(s => !s.InvisibleForCaller))
            .ForCtorParam(nameof(CaseComment.Author), o => o.MapFrom(s => s.Operator != null ? s.Operator.Name : s.Person != null ? s.Person.Name : null));

        CreateMap<ProgressEntryRead, ObservedChange>()
            .ForMember(d => d.ExternalId, o => o.MapFrom(s => s.Incident.Id))
            .ForMember(d => d.ExternalNumber, o => o.MapFrom(s => s.Incident.Number))
            .ForMember(d => d.Version, o => o.MapFrom(s => "action:" + s.Action.Id))
            .ForMember(d => d.Kind, o => o.MapFrom(_ => ChangeKind.CommentAdded))
            .ForMember(d => d.OccurredAt, o => o.MapFrom(s => s.Action.EntryDate ?? s.Incident.ModificationDate ?? s.ReadAt))
            .ForMember(d => d.Comment, o => o.MapFrom(s => s.Action))
            .ForMember(d => d.Fields, o => o.Ignore()) // a progress entry changes no field
            .ForMember(d => d.RawValues, o => o.Ignore())
            .ForMember(d => d.CorrelationKey, o => o.MapFrom(s => CorrelationKeyOf(s.Incident)))
            .ForMember(d => d.WrittenByHub, o => o.MapFrom(s => s.Action.Operator != null && s.Action.Operator.Id == s.HubOperatorId))
            .ForMember(d => d.Actor, o => o.MapFrom(s => s.Action.Operator != null ? s.Action.Operator.Name : s.Action.Person != null ? s.Action.Person.Name : null));
    }

    private void MapWriting(TopDeskOptions options)
    {
        CreateMap<CreateRecordCommand, NewIncident>()
            .ForMember(d => d.BriefDescription, o => o.MapFrom(s => IncidentRequestText.BriefDescriptionOf(s)))
            .ForMember(d => d.Request, o => o.MapFrom(s => IncidentRequestText.Compose(s)))
            .ForMember(d => d.ExternalNumber, o => o.MapFrom(s => s.CorrelationKey))
            .ForMember(d => d.TargetDate, o => o.MapFrom(s => s.Fields.TargetDate))
            .ForMember(d => d.Caller, o => o.MapFrom(s => s.Fields))
            .ForMember(d => d.Status, o => o.MapFrom(_ => options.Line))
            // search-list values go by id: the writer looks the names the value maps gave up in the tenant's lists
            .ForMember(d => d.Category, o => o.Ignore())
            .ForMember(d => d.Subcategory, o => o.Ignore())
            .ForMember(d => d.Priority, o => o.Ignore())
            .ForMember(d => d.ProcessingStatus, o => o.Ignore())
            .ForMember(d => d.OperatorGroup, o => o.Ignore());

        CreateMap<CaseFields, NewCaller>()
            .ForMember(d => d.DynamicName, o => o.MapFrom(s => CallerNameOf(s.Reporter, options.CallerFallback)))
            .ForMember(d => d.Email, o => o.MapFrom(s => s.Reporter != null && s.Reporter.Email != null && s.Reporter.Email.Length <= EmailLimit ? s.Reporter.Email : null))
            .ForMember(d => d.PhoneNumber, o => o.MapFrom(s => s.Reporter == null || s.Reporter.Phone == null ? null : TopDeskText.Cut(s.Reporter.Phone, PhoneLimit)));
    }

    /// <summary>The caller's name: the reporter's, else the reporter's address, else the configured fallback.</summary>
    private static string CallerNameOf(CaseReporter? reporter, string fallback)
    {
        var name = reporter?.Name is { } given ? TopDeskText.Cut(given, CallerNameLimit) : null;
        return !string.IsNullOrWhiteSpace(name) ? name
            : !string.IsNullOrWhiteSpace(reporter?.Email) ? TopDeskText.Cut(reporter.Email, CallerNameLimit)
            : fallback;
    }

    /// <summary>A brief description the hub cut from a longer title (it ends in "…" near the limit): not news from TOPdesk.</summary>
    private static bool IsCutByHub(string? title) =>
        title is { Length: > 0 } && title.EndsWith('…') && title.Length > IncidentRequestText.BriefDescriptionLimit - 10;

    /// <summary>Created and not changed since (within a second): TOPdesk's dates are second-granular.</summary>
    private static bool IsNew(TopDeskIncident incident) =>
        incident.CreationDate is { } created && incident.ModificationDate is { } modified && Math.Abs((modified - created).TotalSeconds) < 1;

    private static CaseLocation? LocationOf(TopDeskIncident incident)
    {
        var site = incident.Branch?.Name ?? incident.CallerBranch?.Name;
        var building = incident.Location?.Name ?? incident.CallerLocation?.Name;
        return site is null && building is null ? null : new CaseLocation(site, building, null, null);
    }

    private static CaseReporter? ReporterOf(TopDeskCaller? caller) =>
        caller is null || (caller.DynamicName is null && caller.Email is null && caller.PhoneNumber is null && caller.MobileNumber is null)
            ? null
            : new CaseReporter(
                string.IsNullOrWhiteSpace(caller.DynamicName) ? null : caller.DynamicName,
                string.IsNullOrWhiteSpace(caller.Email) ? null : caller.Email,
                string.IsNullOrWhiteSpace(caller.PhoneNumber) ? (string.IsNullOrWhiteSpace(caller.MobileNumber) ? null : caller.MobileNumber) : caller.PhoneNumber);

    /// <summary>TOPdesk's own names of the value-mapped fields, for the engine's value maps.</summary>
    private static Dictionary<string, string> RawValuesOf(TopDeskIncident incident)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in new[]
                 {
                     (MappedField.Status, incident.ProcessingStatus), (MappedField.Priority, incident.Priority),
                     (MappedField.Category, incident.Category), (MappedField.Subcategory, incident.Subcategory),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value?.Name))
            {
                raw[field] = value.Name;
            }
        }

        return raw;
    }

    private static string? CorrelationKeyOf(TopDeskIncident incident) =>
        string.IsNullOrWhiteSpace(incident.ExternalNumber) ? null : incident.ExternalNumber;
}
