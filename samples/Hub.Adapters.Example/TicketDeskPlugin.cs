using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Example;

/// <summary>
/// What the hub looks for when this adapter is dropped into its plugins folder: the adapter type it answers to and its
/// one registration method. A hub that ships the adapter itself would call <see cref="TicketDeskServiceCollectionExtensions.AddTicketDeskAdapter"/> instead.
/// </summary>
public sealed class TicketDeskPlugin : IAdapterPlugin
{
    public string AdapterType => TicketDeskAdapterFactory.Type;

    public void Register(IServiceCollection services, IConfiguration configuration) => services.AddTicketDeskAdapter(configuration);
}
