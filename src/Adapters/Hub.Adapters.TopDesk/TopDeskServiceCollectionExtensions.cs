using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.TopDesk;

public static class TopDeskServiceCollectionExtensions
{
    /// <summary>The value of a system's Adapter key that names this adapter; a constant, so the host can ask for it without loading this assembly.</summary>
    public const string AdapterType = TopDeskAdapterFactory.Type;

    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = TopDesk</c> available to the hub: the adapter's factory, and
    /// each such system's <see cref="TopDeskOptions"/> bound from its section and validated on start.
    /// </summary>
    public static IServiceCollection AddTopDeskAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSystemAdapter<TopDeskAdapterFactory, TopDeskOptions, TopDeskOptionsValidator>(configuration, TopDeskAdapterFactory.Type);
}
