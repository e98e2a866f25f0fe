using Hub.Abstractions.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Engine.Mapping;

public static class MappingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the mappings of <paramref name="directory"/> (relative paths resolve against the current directory)
    /// as the singleton <see cref="IMappingProvider"/>, reloaded on change, with a "mappings" health check.
    /// Resolving the provider throws <see cref="MappingLoadException"/> when the files have errors.
    /// </summary>
    public static IServiceCollection AddHubMappings(this IServiceCollection services, string directory, Action<FileMappingProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var options = new FileMappingProviderOptions();
        configure?.Invoke(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FileMappingProvider(
            directory,
            sp.GetService<ILoggerFactory>()?.CreateLogger<FileMappingProvider>() ?? NullLogger<FileMappingProvider>.Instance,
            sp.GetRequiredService<TimeProvider>(),
            options));
        services.AddSingleton<IMappingProvider>(sp => sp.GetRequiredService<FileMappingProvider>());
        services.AddHealthChecks().AddCheck<MappingHealthCheck>("mappings");
        return services;
    }
}
