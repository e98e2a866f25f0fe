using Hub.Adapters.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>The shape every adapter has (one registration, named options validated on start, a small public surface), for Dynamics 365.</summary>
public sealed class DynamicsShapeTests : AdapterShapeTests
{
    protected override string AdapterType => "Dynamics";

    protected override IReadOnlyDictionary<string, string?> ValidSettings => new Dictionary<string, string?>
    {
        ["BaseUrl"] = "https://contoso.crm4.dynamics.com/",
        ["TenantId"] = "contoso.onmicrosoft.com",
        ["ClientId"] = "11111111-2222-3333-4444-555555555555",
        ["ClientSecret"] = "client-secret-1",
    };

    protected override IReadOnlyDictionary<string, string?> WrongSettings => new Dictionary<string, string?>
    {
        ["ClientSecret"] = " ",
        ["TenantId"] = "",
        ["MaxConcurrency"] = "60",
        ["FirstPollLookback"] = "a day",
    };

    protected override IReadOnlyCollection<Type> PublicTypes => [typeof(DynamicsServiceCollectionExtensions), typeof(DynamicsOptions)];

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddDynamicsAdapter(configuration);
}
