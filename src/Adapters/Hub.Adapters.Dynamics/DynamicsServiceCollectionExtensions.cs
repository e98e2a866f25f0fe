using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Dynamics;

public static class DynamicsServiceCollectionExtensions
{
    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = Dynamics</c> available to the hub: the adapter's factory, and
    /// each such system's <see cref="DynamicsOptions"/> bound from its section and validated on start.
    /// </summary>
    public static IServiceCollection AddDynamicsAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<DynamicsAdapterFactory, DynamicsOptions, DynamicsOptionsValidator>(configuration, DynamicsAdapterFactory.Type);
}
