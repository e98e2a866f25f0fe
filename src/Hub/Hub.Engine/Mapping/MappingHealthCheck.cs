using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Engine.Mapping;

/// <summary>Healthy while the files on disk are the mapping in force; degraded when an edit was rejected and an older mapping still runs.</summary>
public sealed class MappingHealthCheck(FileMappingProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var data = new Dictionary<string, object>
        {
            ["version"] = provider.Current.Version,
            ["loadedAt"] = provider.LastReloadAt,
            ["directory"] = provider.Directory,
        };
        var result = provider.LastErrors.Count == 0
            ? HealthCheckResult.Healthy($"Mappings version {provider.Current.Version} in force since {provider.LastReloadAt:O}.", data)
            : HealthCheckResult.Degraded(
                $"The last mapping edit was rejected ({provider.LastErrors.Count} error(s)); version {provider.Current.Version} stays in force. First: {provider.LastErrors[0]}",
                data: data);
        return Task.FromResult(result);
    }
}
