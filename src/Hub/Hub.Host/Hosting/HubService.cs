using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Cluster;
using Hub.Engine.Mapping;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Cli;
using Hub.Host.Cluster;
using Hub.Host.Configuration;
using Hub.Host.Health;
using Hub.Host.Plugins;
using Microsoft.Extensions.Options;

namespace Hub.Host.Hosting;

/// <summary>
/// Runs the hub until it is told to stop (Ctrl+C, SIGTERM, the service manager). Bad settings stop the start with
/// exit code 2 and every problem named by its key, all at once (<see cref="ConfigurationProblems"/>). Another hub holding the same database stops it with a message naming
/// that hub and exit code 3 on SQLite: one hub per SQLite file, held from before the schema is touched until after the
/// last job. On PostgreSQL any number of nodes start on one database: each checks in (hub_nodes) before it takes work.
/// </summary>
internal static class HubService
{
    public const int ExitConfiguration = 2;

    /// <summary>Not a configuration error: the same configuration works once the other hub is stopped.</summary>
    public const int ExitAnotherHubHoldsTheDatabase = 3;

    /// <param name="error">Where a refusal is written (standard error).</param>
    public static async Task<int> RunAsync(HubConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(error);
        if (ConfigurationProblems.Find(configuration) is { Count: > 0 } problems)
        {
            return await ConfigurationRefusal.WriteAsync(error, problems);
        }

        WebApplication app;
        try
        {
            app = HubHostBuilder.Build(configuration);
        }
        catch (Exception failure) when (IsConfigurationFailure(failure))
        {
            return await RefuseAsync(error, failure);
        }

        HubInstanceLock instance;
        try
        {
            instance = await HubInstanceLock.AcquireAsync(app.Services.GetRequiredService<HubDatabase>(), TimeProvider.System, cancellationToken);
        }
        catch (HubAlreadyRunningException held)
        {
            await app.DisposeAsync();
            await error.WriteLineAsync($"hub: {held.Message}");
            return ExitAnotherHubHoldsTheDatabase;
        }

        await using (instance)
        await using (app)
        {
            try
            {
                await StartChecksAsync(app.Services, cancellationToken);
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hub");
                logger.LogInformation("Hub version {Version}", HubVersion.Informational);
                var adapters = app.Services.GetRequiredService<SystemAdapters>();
                logger.LogInformation("Hub starting with {Count} systems: {Systems}; database {Database}",
                    adapters.Names.Count, string.Join(", ", adapters.Names), app.Services.GetRequiredService<HubDatabase>().DataSource);
                foreach (var plugin in app.Services.GetRequiredService<AdapterPlugins>().Plugins)
                {
                    logger.LogInformation("Adapter plugin {Plugin}", plugin.Describe());
                }

                var node = app.Services.GetRequiredService<HubNode>();
                await app.Services.GetRequiredService<NodeRegistry>().CheckInAsync(node, cancellationToken);
                logger.LogInformation("Node {Node} starts on its database (held: {Lock})", node.NodeId, instance.Where);
                await app.StartAsync(cancellationToken);
            }
            catch (Exception failure) when (IsConfigurationFailure(failure))
            {
                return await RefuseAsync(error, failure);
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// What must hold before anything is scheduled: schema up to date, mappings loaded, every adapter's options valid.
    /// Then each system is asked once whether it can be used; one that cannot is logged, and the hub starts anyway.
    /// </summary>
    public static async Task StartChecksAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<HubDatabase>();
        await database.MigrateAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await ClusteredScheduler.CreateTablesAsync(database, cancellationToken);
        }

        _ = services.GetRequiredService<IMappingProvider>().Current;
        _ = services.GetRequiredService<SystemAdapters>();
        await SystemStartCheck.RunAsync(services, cancellationToken);
    }

    private static Task<int> RefuseAsync(TextWriter error, Exception failure) =>
        ConfigurationRefusal.WriteAsync(error, (failure as HubConfigurationException ?? failure.InnerException as HubConfigurationException)?.Problems
            ?? (failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException)?.Failures.ToList()
            ?? [failure.Message]);

    private static bool IsConfigurationFailure(Exception failure) =>
        failure is HubConfigurationException or OptionsValidationException or MappingLoadException
        || failure.InnerException is HubConfigurationException or OptionsValidationException or MappingLoadException;
}
