using System.Security.Cryptography.X509Certificates;
using Hub.Simulators.Contractor;
using Hub.Simulators.Dynamics;
using Hub.Simulators.ServiceNow;
using Hub.Simulators.TopDesk;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A chain with ServiceNow in it, on loopback, for one test: ServiceNow as the tenant's service desk (ServiceNow →
/// Dynamics 365 → contractor) or as the building manager (TOPdesk → ServiceNow → contractor), with the shipped example
/// mappings of that role and a contractor answering through pickup folders; and a real `hub` process pointed at them.
/// </summary>
internal sealed class ServiceNowChainWorld : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task contractorRun;
    private readonly ITestOutputHelper log;
    private readonly List<HubProcess> hubs = [];

    public ServiceNowChainWorld(ITestOutputHelper log, bool serviceNowIsServiceDesk)
    {
        this.log = log;
        ServiceNowIsServiceDesk = serviceNowIsServiceDesk;
        Folder = Path.Combine(Path.GetTempPath(), "hub-e2e", "sn-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var mailFolder in new[] { "outbox", "inbox", "processed", "quarantine" })
        {
            Directory.CreateDirectory(MailFolder(mailFolder));
        }

        ServiceNow = new ServiceNowSimulator();
        TopDesk = serviceNowIsServiceDesk ? null : new TopDeskSimulator();
        Dynamics = serviceNowIsServiceDesk ? new DynamicsSimulator() : null;
        var contractor = new SimulatedContractor(new ContractorSimulatorOptions
        {
            Outbox = MailFolder("outbox"),
            Inbox = MailFolder("inbox"),
            AcceptAfter = TimeSpan.FromMilliseconds(500),
            ScheduleAfter = TimeSpan.FromSeconds(1),
            DoneAfter = TimeSpan.FromMilliseconds(1500),
        }, TimeProvider.System);
        contractorRun = Task.Run(() => contractor.RunAsync(stop.Token));
        MappingsDirectory = CopyExampleMappings(serviceNowIsServiceDesk ? "servicenow-servicedesk" : "servicenow-facility");
    }

    public bool ServiceNowIsServiceDesk { get; }
    public string Folder { get; }
    public ServiceNowSimulator ServiceNow { get; }
    public TopDeskSimulator? TopDesk { get; }
    public DynamicsSimulator? Dynamics { get; }
    public string MappingsDirectory { get; }

    public string MailFolder(string name) => Path.Combine(Folder, "mail", name);

    public IReadOnlyList<string> WorkOrders() => Directory.GetFiles(MailFolder("outbox"), "*.eml", SearchOption.AllDirectories);

    public HubProcess StartHub()
    {
        var hub = HubProcess.StartWith(Folder, new Dictionary<string, string>(), "run", "--config", WriteConfiguration());
        hubs.Add(hub);
        return hub;
    }

    /// <summary>Writes the hub's configuration for this world (the service desk over OAuth client credentials when it is ServiceNow); returns its path.</summary>
    public string WriteConfiguration()
    {
        var systems = new Dictionary<string, object>
        {
            ["contractor"] = new
            {
                Adapter = "Email", PollInterval = "00:00:01", Transport = "Directory", From = "hub@facility.example", ReplyTo = "hub@facility.example",
                Directory = new { Outbox = MailFolder("outbox"), Inbox = MailFolder("inbox"), Processed = MailFolder("processed"), Quarantine = MailFolder("quarantine") },
            },
        };
        if (ServiceNowIsServiceDesk)
        {
            var certificate = Path.Combine(Folder, "token-endpoint.cer");
            File.WriteAllBytes(certificate, Dynamics!.TokenEndpointCertificate.Export(X509ContentType.Cert));
            systems["servicedesk"] = Section(ServiceNow.SettingsFor("servicedesk", oauth: true), "servicedesk", ("PollInterval", "00:00:01"), ("AssignmentGroup", "Service Desk"));
            systems["facility"] = Section(Dynamics.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"), ("TokenEndpointCertificateFile", certificate));
        }
        else
        {
            systems["servicedesk"] = Section(TopDesk!.SettingsFor("servicedesk"), "servicedesk", ("PollInterval", "00:00:01"));
            systems["facility"] = Section(ServiceNow.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"));
        }

        return HubProcess.WriteConfiguration(Folder, new
        {
            Logging = new { LogLevel = new Dictionary<string, string> { ["Default"] = "Information", ["Microsoft"] = "Warning", ["Quartz"] = "Warning", ["System.Net.Http.HttpClient"] = "Warning" } },
            Hub = new
            {
                Database = new { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(Folder, "hub.db")}" },
                MappingsPath = MappingsDirectory,
                Api = new { Urls = $"http://127.0.0.1:{FreeLoopbackPort.Find()}" },
                Sync = new { RetryDelay = "00:00:01", MaxRetryDelay = "00:00:05", MaxAttempts = 50 },
                Systems = systems,
            },
        });
    }

    /// <summary>Runs a `hub` command against this world's configuration to its end.</summary>
    public async Task<(int ExitCode, string Output)> RunHubCommandAsync(params string[] arguments)
    {
        await using var hub = HubProcess.Start(Folder, [.. arguments, "--config", Path.Combine(Folder, "appsettings.json")]);
        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, hub.Output);
    }

    public async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {what}.\nHub output:\n{string.Join("\n---\n", hubs.Select(h => h.Output))}");
    }

    private static Dictionary<string, string?> Section(IReadOnlyDictionary<string, string?> simulatorSettings, string system, params (string Key, string? Value)[] more)
    {
        var prefix = $"Hub:Systems:{system}:";
        var section = simulatorSettings.ToDictionary(s => s.Key[prefix.Length..], s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in more)
        {
            section[key] = value;
        }

        return section;
    }

    private string CopyExampleMappings(string example) =>
        ShippedMappings.CopyTo(Path.Combine(Folder, "mappings"), Path.Combine("mappings", "examples", example));

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in hubs)
        {
            log.WriteLine($"--- hub process {hub.Id} output ---\n{hub.Output}");
            await hub.DisposeAsync();
        }

        await stop.CancelAsync();
        await contractorRun.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
        ServiceNow.Dispose();
        TopDesk?.Dispose();
        Dynamics?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder: test data only
        }
    }
}
