using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// The entry of an adapter built outside the hub (a plugin): a public class with a public parameterless constructor in
/// the plugin's main assembly. An admin puts the plugin's folder into the hub's plugins folder (Hub:PluginsPath) and sets
/// <c>Hub:Systems:&lt;name&gt;:Adapter</c> to its <see cref="AdapterType"/>; the hub loads it in a context of its own,
/// refuses it when it was built against another major version of this contract (or a newer minor one), and calls
/// <see cref="Register"/> as it calls a shipped adapter's Add...Adapter method.
/// </summary>
public interface IAdapterPlugin
{
    /// <summary>The value of <c>Hub:Systems:&lt;name&gt;:Adapter</c> the plugin's factory answers to, e.g. "TicketDesk".</summary>
    string AdapterType { get; }

    /// <summary>
    /// Registers the adapter: its one factory and options, through
    /// <see cref="AdapterRegistration.AddSystemAdapter{TFactory, TOptions, TValidator}"/> with <see cref="AdapterType"/>.
    /// </summary>
    void Register(IServiceCollection services, IConfiguration configuration);
}
