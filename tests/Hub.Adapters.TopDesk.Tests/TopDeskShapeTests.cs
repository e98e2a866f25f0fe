using Hub.Adapters.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>The shape every adapter has (one registration, named options validated on start, a small public surface), for TOPdesk.</summary>
public sealed class TopDeskShapeTests : AdapterShapeTests
{
    protected override string AdapterType => "TopDesk";

    protected override IReadOnlyDictionary<string, string?> ValidSettings => new Dictionary<string, string?>
    {
        ["BaseUrl"] = "https://acme.topdesk.net",
        ["Username"] = "hub",
        ["ApplicationPassword"] = "app-password-1",
    };

    protected override IReadOnlyDictionary<string, string?> WrongSettings => new Dictionary<string, string?>
    {
        ["Username"] = "",
        ["PageSize"] = "0",
        ["Line"] = "thirdLine",
        ["PollOverlap"] = "soon",
    };

    protected override IReadOnlyCollection<Type> PublicTypes => [typeof(TopDeskServiceCollectionExtensions), typeof(TopDeskOptions)];

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddTopDeskAdapter(configuration);
}
