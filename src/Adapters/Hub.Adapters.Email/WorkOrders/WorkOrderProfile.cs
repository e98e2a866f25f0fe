using AutoMapper;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>The structure of a work order, mapped from a create command (values are never translated here).</summary>
internal sealed class WorkOrderProfile : Profile
{
    public WorkOrderProfile()
    {
        CreateMap<CreateRecordCommand, WorkOrderContent>()
            .ForMember(d => d.CaseId, o => o.MapFrom(s => s.CaseId))
            .ForMember(d => d.Title, o => o.MapFrom(s => s.Fields.Title ?? string.Empty))
            .ForMember(d => d.Description, o => o.MapFrom(s => s.Fields.Description ?? string.Empty))
            .ForMember(d => d.Location, o => o.MapFrom(s => s.Fields.Location == null ? string.Empty : s.Fields.Location.ToString()))
            .ForMember(d => d.Reporter, o => o.MapFrom(s => DescribeReporter(s.Fields.Reporter)))
            .ForMember(d => d.TargetDate, o => o.MapFrom(s => s.Fields.TargetDate))
            .ForMember(d => d.References, o => o.MapFrom(s => string.Join(", ", s.UpstreamRecords.Select(r => $"{r.SystemName} {r.ExternalNumber ?? r.ExternalId}"))));
    }

    private static string DescribeReporter(CaseReporter? reporter) =>
        reporter is null
            ? string.Empty
            : string.Join(", ", new[] { reporter.Name, reporter.Email, reporter.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
