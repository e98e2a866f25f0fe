using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Dynamics;

public static class DynamicsServiceCollectionExtensions
{
    /// <summary>The value of a system's Adapter key that names this adapter; a constant, so the host can ask for it without loading this assembly.</summary>
    public const string AdapterType = DynamicsAdapterFactory.Type;

    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = Dynamics</c> available to the hub: the adapter's factory, and
    /// each such system's <see cref="DynamicsOptions"/> bound from its section and validated on start.
    /// </summary>
    public static IServiceCollection AddDynamicsAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<DynamicsAdapterFactory, DynamicsOptions, DynamicsOptionsValidator>(configuration, DynamicsAdapterFactory.Type);
}
