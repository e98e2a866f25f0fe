using Hub.Abstractions.Adapters;
using Hub.Engine.Cluster;
using Hub.Engine.Journal;
using Hub.Engine.Journey;
using Hub.Engine.Mapping;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Journal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Host.Hosting;

/// <summary>
/// The engine with its adapters, as the service runs it: the correlation log, the journal, intake, planner, dispatcher,
/// poll cycle, dead letters, overdue steps, the mappings and one adapter per configured system. The host adds what drives it (the
/// jobs and their dispatch signal), health, webhooks, the API and telemetry.
/// </summary>
internal static class HubEngineServices
{
    public static IServiceCollection AddHubEngine(this IServiceCollection services, HubConfiguration configuration, HubDatabase database,
        SyncOptions sync, IReadOnlyList<SystemSettings> systems, string mappingsDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(provider => HubNode.Start(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NodeRegistry>();
        services.TryAddSingleton(configuration.Root.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions());
        services.AddSingleton(sync);
        services.AddSingleton(systems);
        services.AddSingleton<IAdapterStateStore, DatabaseAdapterStateStore>();
        services.AddSingleton<HubJournal>();
        services.AddSingleton<HubWriteGate>();
        services.AddSingleton<CasePlanner>();
        services.AddSingleton<ChangeIntake>();
        services.AddSingleton<NamedCases>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<PollCycle>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<OverdueSteps>();
        services.AddHubMappings(mappingsDirectory);
        services.AddAdapters(configuration);
        services.AddSingleton<IIgnoredRecordJournal, IgnoredRecordJournal>();
        services.AddSingleton(provider => SystemAdapterBuilder.Build(provider, systems));
        return services;
    }
}
