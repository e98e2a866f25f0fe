using Hub.Adapters.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>The shape every adapter has (one registration, named options validated on start, a small public surface), for ServiceNow.</summary>
public sealed class ServiceNowShapeTests : AdapterShapeTests
{
    protected override string AdapterType => "ServiceNow";

    protected override IReadOnlyDictionary<string, string?> ValidSettings => new Dictionary<string, string?>
    {
        ["InstanceUrl"] = "https://acme.service-now.com",
        ["Username"] = "svc.hub",
        ["Password"] = "integration-password-1",
    };

    protected override IReadOnlyDictionary<string, string?> WrongSettings => new Dictionary<string, string?>
    {
        ["Password"] = "",
        ["PageSize"] = "0",
        ["HoldReason"] = "2",
        ["PollOverlap"] = "soon",
    };

    protected override IReadOnlyCollection<Type> PublicTypes =>
        [typeof(ServiceNowServiceCollectionExtensions), typeof(ServiceNowOptions), typeof(ServiceNowAuthentication)];

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddServiceNowAdapter(configuration);
}
