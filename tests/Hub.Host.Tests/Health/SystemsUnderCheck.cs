using Hub.Adapters.Dynamics;
using Hub.Adapters.Email;
using Hub.Adapters.TopDesk;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Health;
using Hub.Host.Hosting;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hub.Host.Tests.Health;

/// <summary>
/// Three systems as the hub configures them (a simulated TOPdesk and Dynamics 365, a contractor mailbox on pickup
/// folders) with their adapters and the systems' health checks registered the way the host registers them.
/// </summary>
internal sealed class SystemsUnderCheck : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hub-health", Guid.NewGuid().ToString("N")[..10]);
    private readonly ServiceProvider provider;

    /// <param name="alive">False: every system is configured against a port nobody listens on, or folders that are not there.</param>
    public SystemsUnderCheck(bool alive, TimeProvider? time = null)
    {
        TopDesk = new TopDeskSimulator();
        Dynamics = new DynamicsSimulator();
        Directory.CreateDirectory(folder);
        var settings = ThreeSystemsSettings.For(TopDesk, Dynamics, folder);
        if (alive)
        {
            foreach (var name in ThreeSystemsSettings.MailFolders)
            {
                Directory.CreateDirectory(Path.Combine(folder, name));
            }
        }

        if (!alive)
        {
            settings["Hub:Systems:servicedesk:BaseUrl"] = "http://127.0.0.1:" + FreeLoopbackPort.Find();
            settings["Hub:Systems:facility:BaseUrl"] = "http://127.0.0.1:" + FreeLoopbackPort.Find() + "/";
            settings["Hub:Systems:facility:Authority"] = "https://127.0.0.1:" + FreeLoopbackPort.Find() + "/";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var systems = SystemSettings.ReadAll(configuration);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Log))
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IMappingProvider>(new StaticMappingProvider(MappingSet.Empty))
            .AddSingleton<IAdapterStateStore>(new InMemoryAdapterStateStore())
            .AddTopDeskAdapter(configuration)
            .AddDynamicsAdapter(configuration)
            .AddEmailAdapter(configuration)
            .AddSingleton(systems)
            .AddSingleton(new SyncOptions())
            .AddSingleton(services => SystemAdapterBuilder.Build(services, systems))
            .AddSystemHealthChecks(systems);
        provider = services.BuildServiceProvider();
        Secrets = [TopDesk.ApplicationPassword, Dynamics.ClientSecret];
    }

    public TopDeskSimulator TopDesk { get; }

    public DynamicsSimulator Dynamics { get; }

    public CapturingLoggerProvider Log { get; } = new();

    public IServiceProvider Services => provider;

    /// <summary>What must never show in a health answer.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>Runs the per-system checks as /health does (the "systems" check, which reads the database, left out).</summary>
    public Task<HealthReport> CheckAsync() =>
        provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(SystemHealthRegistration.Tag), Timeout);

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public void Dispose()
    {
        provider.Dispose();
        TopDesk.Dispose();
        Dynamics.Dispose();
        Log.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
