using Hub.Simulators.Contractor;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Host.Sandbox;

/// <summary>
/// The three organisations of the demo, on loopback: a simulated TOPdesk (the tenant's service desk), a simulated
/// Dynamics 365 with its Entra ID token endpoint (the building manager) and a contractor who answers work orders
/// dropped in a pickup folder. Everything lives in one temp folder, removed at the end.
/// </summary>
internal sealed class SandboxWorld : IDisposable
{
    private SandboxWorld(string folder)
    {
        Folder = folder;
        foreach (var mailFolder in new[] { "outbox", "inbox", "processed", "quarantine" })
        {
            Directory.CreateDirectory(MailFolder(mailFolder));
        }

        TopDesk = new TopDeskSimulator();
        Dynamics = new DynamicsSimulator();
        Contractor = new SimulatedContractor(
            new ContractorSimulatorOptions { Outbox = MailFolder("outbox"), Inbox = MailFolder("inbox") },
            TimeProvider.System);
    }

    public string Folder { get; }
    public TopDeskSimulator TopDesk { get; }
    public DynamicsSimulator Dynamics { get; }
    public SimulatedContractor Contractor { get; }

    public static SandboxWorld Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hub-sandbox-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return new SandboxWorld(folder);
    }

    public string MailFolder(string name) => Path.Combine(Folder, "mail", name);

    /// <summary>The configuration a real site would write, pointed at the simulators (passwords are the simulators' own).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string mappingsDirectory)
    {
        var settings = new Dictionary<string, string?>(TopDesk.SettingsFor("servicedesk"))
        {
            ["Hub:Database:Provider"] = "Sqlite",
            ["Hub:Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "sandbox.db")}",
            ["Hub:MappingsPath"] = mappingsDirectory,
            ["Hub:Api:Urls"] = "http://127.0.0.1:0",
            ["Hub:Systems:servicedesk:PollInterval"] = "00:00:01",
            ["Hub:Systems:facility:PollInterval"] = "00:00:01",
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:PollInterval"] = "00:00:01",
            ["Hub:Systems:contractor:Transport"] = "Directory",
            ["Hub:Systems:contractor:From"] = "hub@facility.example",
            ["Hub:Systems:contractor:ReplyTo"] = "hub@facility.example",
            ["Hub:Systems:contractor:Directory:Outbox"] = MailFolder("outbox"),
            ["Hub:Systems:contractor:Directory:Inbox"] = MailFolder("inbox"),
            ["Hub:Systems:contractor:Directory:Processed"] = MailFolder("processed"),
            ["Hub:Systems:contractor:Directory:Quarantine"] = MailFolder("quarantine"),
            ["Hub:Sync:RetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in Dynamics.SettingsFor("facility"))
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose()
    {
        TopDesk.Dispose();
        Dynamics.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder; it holds only demo data
        }
    }
}
