using System.Security.Cryptography.X509Certificates;
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
    private readonly PickupContractor pickup;
    private readonly HubRuns hubs;

    public ServiceNowChainWorld(ITestOutputHelper log, bool serviceNowIsServiceDesk)
    {
        ServiceNowIsServiceDesk = serviceNowIsServiceDesk;
        Folder = Path.Combine(Path.GetTempPath(), "hub-e2e", "sn-" + Guid.NewGuid().ToString("N")[..10]);
        hubs = new HubRuns(Folder, log);
        pickup = new PickupContractor(Folder);
        ServiceNow = new ServiceNowSimulator();
        TopDesk = serviceNowIsServiceDesk ? null : new TopDeskSimulator();
        Dynamics = serviceNowIsServiceDesk ? new DynamicsSimulator() : null;
        MappingsDirectory = CopyExampleMappings(serviceNowIsServiceDesk ? "servicenow-servicedesk" : "servicenow-facility");
    }

    public bool ServiceNowIsServiceDesk { get; }
    public string Folder { get; }
    public ServiceNowSimulator ServiceNow { get; }
    public TopDeskSimulator? TopDesk { get; }
    public DynamicsSimulator? Dynamics { get; }
    public string MappingsDirectory { get; }

    public IReadOnlyList<string> WorkOrders() => pickup.WorkOrders();

    public HubProcess StartHub() => hubs.Start(new Dictionary<string, string>(), "run", "--config", WriteConfiguration());

    /// <summary>Writes the hub's configuration for this world (the service desk over OAuth client credentials when it is ServiceNow); returns its path.</summary>
    public string WriteConfiguration()
    {
        var systems = new Dictionary<string, object>
        {
            ["contractor"] = pickup.Section("00:00:01"),
        };
        if (ServiceNowIsServiceDesk)
        {
            var certificate = Path.Combine(Folder, "token-endpoint.cer");
            File.WriteAllBytes(certificate, Dynamics!.TokenEndpointCertificate.Export(X509ContentType.Cert));
            systems["servicedesk"] = SystemSection.From(ServiceNow.SettingsFor("servicedesk", oauth: true), "servicedesk", ("PollInterval", "00:00:01"), ("AssignmentGroup", "Service Desk"));
            systems["facility"] = SystemSection.From(Dynamics.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"), ("TokenEndpointCertificateFile", certificate));
        }
        else
        {
            systems["servicedesk"] = SystemSection.From(TopDesk!.SettingsFor("servicedesk"), "servicedesk", ("PollInterval", "00:00:01"));
            systems["facility"] = SystemSection.From(ServiceNow.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"));
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
    public Task<(int ExitCode, string Output)> RunHubCommandAsync(params string[] arguments) =>
        hubs.RunCommandAsync(new Dictionary<string, string>(), arguments);

    public Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        hubs.EventuallyAsync(() => Task.FromResult(condition()), timeout, what);

    private string CopyExampleMappings(string example) =>
        ShippedMappings.CopyTo(Path.Combine(Folder, "mappings"), Path.Combine("mappings", "examples", example));

    public async ValueTask DisposeAsync()
    {
        await hubs.DisposeAsync();
        await pickup.DisposeAsync();
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
