using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Example;

public static class TicketDeskServiceCollectionExtensions
{
    /// <summary>Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = TicketDesk</c> available to the hub, their options validated on start.</summary>
    public static IServiceCollection AddTicketDeskAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<TicketDeskAdapterFactory, TicketDeskOptions, TicketDeskOptionsValidator>(configuration, TicketDeskAdapterFactory.Type);
}
