using Hub.Engine.Cluster;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Cluster;
using Hub.Host.Audit;
using Hub.Host.Configuration;
using Hub.Host.Health;
using Hub.Host.Jobs;
using Hub.Host.Telemetry;
using Hub.Host.Webhooks;
using Quartz;

namespace Hub.Host.Hosting;

/// <summary>
/// Composes the hub: configuration checked at start, the correlation log, mappings with hot reload, one adapter
/// per configured system, the engine (<see cref="HubEngineServices"/>), Quartz jobs (a poll job per system; on
/// PostgreSQL clustered over the hub's database, see <see cref="ClusteredScheduler"/>), this node's dispatch loop and check-in, health, webhooks, the auditor's API and, when OTEL_* asks for it, telemetry. Runs as a Windows service, under systemd, or in a console.
/// </summary>
internal static class HubHostBuilder
{
    public static WebApplication Build(HubConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var systems = SystemSettings.ReadAll(configuration.Root);
        var urls = ApiSettings.Urls(configuration.Root);
        var mappingsDirectory = MappingsSettings.Directory(configuration);
        var database = HubDatabaseOpener.Open(configuration);
        var sync = configuration.Root.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        var cluster = configuration.Root.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();

        // The slim builder: Kestrel without the QUIC transport (HTTP/3) and without IIS integration, which the full
        // builder loads at every start and the hub never uses (it runs under systemd, as a Windows service or in a
        // console; docs/performance/memory-load-less.md). HTTPS addresses in Hub:Api:Urls still work (below).
        // The host's own appsettings sources are read once, as the hub's configuration is (HubConfiguration): reloading
        // on change (the host's default) watches the content root recursively, the configuration's folder, which in the
        // default layout holds hub.db, its WAL and the mail folders, so every database write woke the watcher (about 4% of
        // the CPU per complaint, docs/performance/connection-openings.md). The mappings keep their own watcher.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = configuration.BaseDirectory,
            ApplicationName = typeof(HubHostBuilder).Assembly.GetName().Name,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Configuration.AddConfiguration(configuration.Root);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddServiceManager(); // the Windows service manager or systemd, each on its own platform only
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var services = builder.Services;
        services.AddHubEngine(configuration, database, sync, systems, mappingsDirectory);
        services.AddSingleton<DispatchWakeUp>();
        services.AddSingleton<IDispatchSignal>(provider => provider.GetRequiredService<DispatchWakeUp>());
        services.AddHubTelemetry(TelemetryExport.FromEnvironment(configuration.Root));
        services.AddHostedService<ParkedChangesOnReload>();
        services.AddHubWebhooks();
        services.AddHubNamedRecordIntake();
        services.AddHubAudit(configuration.Root);
        services.AddSystemHealthChecks(systems); // "mappings" and "journal" come with their registrations
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");

        services.AddQuartz(quartz =>
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                quartz.UseClusteredStore(database, cluster);
            }

            quartz.AddJob<OverdueJob>(job => job.WithIdentity(JobKeys.Overdue).StoreDurably());
            quartz.AddTrigger(trigger => trigger.WithIdentity(JobKeys.OverdueTrigger).ForJob(JobKeys.Overdue).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(sync.OverdueCheckInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            foreach (var system in systems)
            {
                var key = JobKeys.Poll(system.Name);
                quartz.AddJob<PollJob>(job => job.WithIdentity(key).StoreDurably().UsingJobData(JobKeys.SystemData, system.Name));
                quartz.AddTrigger(trigger => trigger.WithIdentity(JobKeys.PollTrigger(system.Name)).ForJob(key).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(system.PollInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<NodeCheckIn>();
        services.AddHostedService<DispatchLoop>(); // every node sends; leases divide the commands
        services.AddHostedService<ArrivalWatch>(); // after the scheduler, whose poll jobs it triggers
        services.AddHostedService<NativeHeapTrim>();

        var app = builder.Build();
        app.MapHubHealth();
        app.MapHubWebhooks();
        app.MapHubAudit();
        return app;
    }
}
