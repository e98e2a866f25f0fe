using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.TopDesk;

public static class TopDeskServiceCollectionExtensions
{
    /// <summary>Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = TopDesk</c> available to the hub.</summary>
    public static IServiceCollection AddTopDeskAdapter(this IServiceCollection services) =>
        services.AddAdapterFactory<TopDeskAdapterFactory>();
}
