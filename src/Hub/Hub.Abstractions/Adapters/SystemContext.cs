using Hub.Abstractions.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Hub.Abstractions.Adapters;

/// <summary>Everything an adapter factory needs to make the adapter for one configured system.</summary>
public sealed record SystemContext(
    string SystemName,
    IConfigurationSection Configuration,
    IServiceProvider Services,
    ILoggerFactory LoggerFactory,
    TimeProvider Time,
    IMappingProvider Mappings)
{
    /// <summary>The full configuration key of a setting, for error messages: "Hub:Systems:servicedesk:BaseUrl".</summary>
    public string KeyOf(string setting) => $"{Configuration.Path}:{setting}";
}
