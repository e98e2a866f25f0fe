using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.ServiceNow;

public static class ServiceNowServiceCollectionExtensions
{
    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = ServiceNow</c> available to the hub: the adapter's factory,
    /// and each such system's <see cref="ServiceNowOptions"/> bound from its section and validated on start.
    /// </summary>
    public static IServiceCollection AddServiceNowAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<ServiceNowAdapterFactory, ServiceNowOptions, ServiceNowOptionsValidator>(configuration, ServiceNowAdapterFactory.Type);
}
