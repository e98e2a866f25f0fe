using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Hosting;
using Hub.Host.Telemetry;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Host.Tests.Telemetry;

/// <summary>
/// The hub's engine and adapters as the service composes them, over a simulated TOPdesk and Dynamics 365 and a
/// contractor on the real Postfix and Dovecot, with telemetry going to in-memory lists instead of OTLP. Each
/// <see cref="StartAsync"/> is a new start of the hub (a new service provider) over the same SQLite database.
/// </summary>
internal sealed class TracedHub : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hub-telemetry", Guid.NewGuid().ToString("N")[..10]);
    private readonly HubConfiguration configuration;

    private TracedHub(TestMailbox hubMailbox, TestMailbox plumber, MailServers servers)
    {
        Directory.CreateDirectory(folder);
        TopDesk = new TopDeskSimulator();
        Dynamics = new DynamicsSimulator();
        var certificate = Path.Combine(folder, "token-endpoint.cer");
        File.WriteAllBytes(certificate, Dynamics.TokenEndpointCertificate.Export(X509ContentType.Cert));
        var settings = new Dictionary<string, string?>(TopDesk.SettingsFor("servicedesk").Concat(Dynamics.SettingsFor("facility")))
        {
            ["Hub:Database:Provider"] = "Sqlite",
            ["Hub:Database:ConnectionString"] = "Data Source=hub.db",
            ["Hub:Systems:facility:TokenEndpointCertificateFile"] = certificate,
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:Transport"] = "Mail",
            ["Hub:Systems:contractor:From"] = hubMailbox.Address,
            ["Hub:Systems:contractor:ReplyTo"] = hubMailbox.Address,
        };
        foreach (var (protocol, port) in new[] { ("Smtp", servers.SmtpPort), ("Imap", servers.ImapPort) })
        {
            settings[$"Hub:Systems:contractor:{protocol}:Host"] = MailServers.Host;
            settings[$"Hub:Systems:contractor:{protocol}:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Hub:Systems:contractor:{protocol}:Security"] = "None";
            settings[$"Hub:Systems:contractor:{protocol}:Username"] = hubMailbox.Address;
            settings[$"Hub:Systems:contractor:{protocol}:Password"] = hubMailbox.Password;
        }

        configuration = new HubConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), folder);
        MappingsDirectory = CopyShippedMappings(plumber.Address);
        Plumber = plumber;
    }

    public TopDeskSimulator TopDesk { get; }
    public DynamicsSimulator Dynamics { get; }
    public TestMailbox Plumber { get; }
    public string MappingsDirectory { get; }

    /// <summary>Every span the hub's starts so far ended, in the order they ended.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>The metrics of the last collection (see <see cref="Started.CollectMetrics"/>).</summary>
    public List<Metric> Metrics { get; } = [];

    public static async Task<TracedHub> CreateAsync(MailServers servers)
    {
        var (hubMailbox, plumber) = await servers.NewHubAndContractorAsync("loodgieter");
        return new TracedHub(hubMailbox, plumber, servers);
    }

    /// <summary>Starts the hub: the schema brought up to date, the engine composed, telemetry listening.</summary>
    public async Task<Started> StartAsync()
    {
        var database = HubDatabaseOpener.Open(configuration);
        await database.MigrateAsync(CancellationToken.None);
        var services = new ServiceCollection()
            .AddLogging()
            .AddHubEngine(configuration, database, new SyncOptions { RetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(1) },
                SystemSettings.ReadAll(configuration.Root), MappingsDirectory)
            .AddSingleton<IDispatchSignal, NoDispatchSignal>()
            .AddHubTelemetry(new TelemetryExport(traces => traces.AddInMemoryExporter(Spans), metrics => metrics.AddInMemoryExporter(Metrics)));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TracerProvider>(); // the host's hosted service would build them at start
        provider.GetRequiredService<MeterProvider>();
        return new Started(provider, Metrics);
    }

    private string CopyShippedMappings(string plumber)
    {
        var target = ShippedMappings.CopyTo(Path.Combine(folder, "mappings"));

        var contractors = Path.Combine(target, "contractors.json");
        var document = JsonNode.Parse(File.ReadAllText(contractors))!;
        foreach (var contractor in document["contractors"]!.AsArray())
        {
            if (contractor!["subcategories"]?.AsArray().Any(s => s!.GetValue<string>() == "Sanitair") == true)
            {
                contractor["email"] = plumber;
                contractor["senders"] = new JsonArray(plumber);
            }
        }

        File.WriteAllText(contractors, document.ToJsonString());
        return target;
    }

    public ValueTask DisposeAsync()
    {
        TopDesk.Dispose();
        Dynamics.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder: test data only
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>One start of the hub; disposing it stops it (its telemetry flushed).</summary>
    public sealed class Started(ServiceProvider provider, List<Metric> metrics) : IAsyncDisposable
    {
        public PollCycle Poll => provider.GetRequiredService<PollCycle>();

        public OutboxDispatcher Dispatcher => provider.GetRequiredService<OutboxDispatcher>();

        public HubDatabase Database => provider.GetRequiredService<HubDatabase>();

        /// <summary>Dispatches until nothing more is due and nothing waits, or the time is up.</summary>
        public async Task DispatchAllAsync(TimeSpan within)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < within)
            {
                await Dispatcher.DispatchDueAsync(CancellationToken.None);
                await using var db = Database.CreateContext();
                if (!db.Outbox.Any(o => o.Status == OutboxStatus.Pending))
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        /// <summary>Collects the metrics now (the hub's counters and the outbox gauges) into the list.</summary>
        public List<Metric> CollectMetrics()
        {
            metrics.Clear();
            provider.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics;
        }

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }
}
