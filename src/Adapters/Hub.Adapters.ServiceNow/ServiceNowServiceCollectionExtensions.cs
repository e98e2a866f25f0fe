using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.ServiceNow;

public static class ServiceNowServiceCollectionExtensions
{
    /// <summary>The value of a system's Adapter key that names this adapter; a constant, so the host can ask for it without loading this assembly.</summary>
    public const string AdapterType = ServiceNowAdapterFactory.Type;

    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = ServiceNow</c> available to the hub: the adapter's factory,
    /// and each such system's <see cref="ServiceNowOptions"/> bound from its section and validated on start.
    /// </summary>
    public static IServiceCollection AddServiceNowAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<ServiceNowAdapterFactory, ServiceNowOptions, ServiceNowOptionsValidator>(configuration, ServiceNowAdapterFactory.Type);
}
