using Hub.Adapters.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Example.Tests;

/// <summary>The shape every adapter has (one registration, named options validated on start, a small public surface), for the example.</summary>
public sealed class TicketDeskShapeTests : AdapterShapeTests
{
    protected override string AdapterType => "TicketDesk";

    protected override IReadOnlyDictionary<string, string?> ValidSettings => new Dictionary<string, string?>
    {
        ["BaseUrl"] = "https://tickets.example",
        ["ApiKey"] = "key-1",
    };

    protected override IReadOnlyDictionary<string, string?> WrongSettings => new Dictionary<string, string?>
    {
        ["BaseUrl"] = "tickets.example",
        ["ApiKey"] = "",
        ["PageSize"] = "0",
    };

    // TicketDeskPlugin is the registration a hub finds when the adapter is dropped into its plugins folder.
    protected override IReadOnlyCollection<Type> PublicTypes => [typeof(TicketDeskServiceCollectionExtensions), typeof(TicketDeskOptions), typeof(TicketDeskPlugin)];

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddTicketDeskAdapter(configuration);
}
