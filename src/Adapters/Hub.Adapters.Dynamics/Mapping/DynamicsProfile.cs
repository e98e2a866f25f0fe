using AutoMapper;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Mapping;

/// <summary>
/// The structural mapping between incidents and the canonical case. Statuses and priorities are not translated here:
/// they travel as Dynamics' own codes in RawValues / TargetValues and the engine's value maps translate them.
/// </summary>
internal sealed class DynamicsProfile : Profile
{
    public DynamicsProfile()
    {
        CreateMap<IncidentRow, CaseFields>()
            .ForMember(f => f.Title, o => o.MapFrom(r => r.Title))
            .ForMember(f => f.Description, o => o.MapFrom(r => r.Description))
            .ForMember(f => f.TargetDate, o => o.MapFrom(r => r.ResolveBy))
            .ForMember(f => f.Status, o => o.Ignore())
            .ForMember(f => f.Priority, o => o.Ignore())
            .ForMember(f => f.Category, o => o.Ignore())
            .ForMember(f => f.Subcategory, o => o.Ignore())
            .ForMember(f => f.Location, o => o.Ignore())
            .ForMember(f => f.Reporter, o => o.Ignore())
            .ForMember(f => f.Appointment, o => o.Ignore())
            .ForMember(f => f.Resolution, o => o.Ignore());

        CreateMap<CreateRecordCommand, IncidentDraft>()
            .ForMember(d => d.Title, o => o.MapFrom(c => IncidentText.Title(c.Fields.Title)))
            .ForMember(d => d.Description, o => o.MapFrom(c => IncidentText.Description(c.Fields, c.UpstreamRecords, c.CaseId)))
            .ForMember(d => d.PriorityCode, o => o.MapFrom(c => IncidentText.Priority(c.TargetValues)))
            .ForMember(d => d.ResolveBy, o => o.MapFrom(c => c.Fields.TargetDate));

        CreateMap<ApplyChangeCommand, IncidentDraft>()
            .ForMember(d => d.Title, o => o.MapFrom(c => IncidentText.Title(c.Fields.Title)))
            .ForMember(d => d.Description, o => o.MapFrom(c => IncidentText.DescriptionAfter(c)))
            .ForMember(d => d.PriorityCode, o => o.MapFrom(c => IncidentText.Priority(c.TargetValues)))
            .ForMember(d => d.ResolveBy, o => o.MapFrom(c => c.Fields.TargetDate));
    }
}
