using AutoMapper;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Mapping;

/// <summary>
/// TOPdesk records ↔ the hub's canonical words, by structure only. Values of status, priority, category and
/// subcategory are not translated here: the adapter reports TOPdesk's own names and receives target names from
/// the engine's JSON value maps; look-up ids are filled in by the writer.
/// </summary>
internal sealed class TopDeskProfile : Profile
{
    private const int CallerNameLimit = 109;
    private const int PhoneLimit = 25;
    private const int EmailLimit = 100;

    public TopDeskProfile()
    {
        CreateMap<TopDeskIncident, CaseFields>()
            .ForMember(d => d.Title, o => o.MapFrom(s => s.BriefDescription))
            .ForMember(d => d.Description, o => o.MapFrom(s => s.Request))
            .ForMember(d => d.Location, o => o.MapFrom(s => LocationOf(s)))
            .ForMember(d => d.Reporter, o => o.MapFrom(s => ReporterOf(s.Caller)))
            .ForMember(d => d.TargetDate, o => o.MapFrom(s => s.TargetDate))
            .ForMember(d => d.Status, o => o.Ignore())
            .ForMember(d => d.Priority, o => o.Ignore())
            .ForMember(d => d.Category, o => o.Ignore())
            .ForMember(d => d.Subcategory, o => o.Ignore())
            .ForMember(d => d.Appointment, o => o.Ignore())
            .ForMember(d => d.Resolution, o => o.Ignore());

        CreateMap<TopDeskAction, CaseComment>()
            .ForCtorParam(nameof(CaseComment.Text), o => o.MapFrom(s => s.PlainText ?? TopDeskText.ToPlain(s.MemoText)))
            .ForCtorParam(nameof(CaseComment.IsPublic), o => o.MapFrom(s => !s.InvisibleForCaller))
            .ForCtorParam(nameof(CaseComment.Author), o => o.MapFrom(s => s.Operator != null ? s.Operator.Name : s.Person != null ? s.Person.Name : null));

        CreateMap<CreateRecordCommand, NewIncident>()
            .ForMember(d => d.BriefDescription, o => o.MapFrom(s => IncidentRequestText.BriefDescriptionOf(s)))
            .ForMember(d => d.Request, o => o.MapFrom(s => IncidentRequestText.Compose(s)))
            .ForMember(d => d.ExternalNumber, o => o.MapFrom(s => s.CorrelationKey))
            .ForMember(d => d.TargetDate, o => o.MapFrom(s => s.Fields.TargetDate))
            .ForMember(d => d.Caller, o => o.MapFrom(s => s.Fields.Reporter))
            .ForMember(d => d.Status, o => o.Ignore())
            .ForMember(d => d.Category, o => o.Ignore())
            .ForMember(d => d.Subcategory, o => o.Ignore())
            .ForMember(d => d.Priority, o => o.Ignore())
            .ForMember(d => d.ProcessingStatus, o => o.Ignore())
            .ForMember(d => d.OperatorGroup, o => o.Ignore());

        CreateMap<CaseReporter, NewCaller>()
            .ForMember(d => d.DynamicName, o => o.MapFrom(s => s.Name == null ? null : TopDeskText.Cut(s.Name, CallerNameLimit)))
            .ForMember(d => d.Email, o => o.MapFrom(s => s.Email != null && s.Email.Length <= EmailLimit ? s.Email : null))
            .ForMember(d => d.PhoneNumber, o => o.MapFrom(s => s.Phone == null ? null : TopDeskText.Cut(s.Phone, PhoneLimit)));
    }

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
}
