using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Dynamics;

public static class DynamicsServiceCollectionExtensions
{
    /// <summary>Registers the Dynamics 365 adapter (<c>Hub:Systems:&lt;name&gt;:Adapter = Dynamics</c>).</summary>
    public static IServiceCollection AddDynamicsAdapter(this IServiceCollection services) =>
        services.AddAdapterFactory<DynamicsAdapterFactory>();
}
