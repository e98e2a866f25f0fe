using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// Trusts exactly <paramref name="certificate"/> at the token endpoint of one system: for a simulated Entra ID on
    /// loopback (e.g. <c>hub sandbox</c>). Production configurations never call this.
    /// </summary>
    public static IServiceCollection AddDynamicsTokenEndpointTrust(this IServiceCollection services, string systemName, X509Certificate2 certificate) =>
        services.AddSingleton(new DynamicsTokenEndpointTrust(systemName, certificate));
}
