using System.Security.Cryptography.X509Certificates;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Dynamics;

public static class DynamicsServiceCollectionExtensions
{
    /// <summary>Registers the Dynamics 365 adapter (<c>Hub:Systems:&lt;name&gt;:Adapter = Dynamics</c>).</summary>
    public static IServiceCollection AddDynamicsAdapter(this IServiceCollection services) =>
        services.AddAdapterFactory<DynamicsAdapterFactory>();

    /// <summary>
    /// Trusts exactly <paramref name="certificate"/> at the token endpoint of one system: for a simulated Entra ID on
    /// loopback (e.g. <c>hub sandbox</c>). Production configurations never call this.
    /// </summary>
    public static IServiceCollection AddDynamicsTokenEndpointTrust(this IServiceCollection services, string systemName, X509Certificate2 certificate) =>
        services.AddSingleton(new DynamicsTokenEndpointTrust(systemName, certificate));
}
