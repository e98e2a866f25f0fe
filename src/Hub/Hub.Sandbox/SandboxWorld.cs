using Hub.Simulators.Contractor;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Sandbox;

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
    public string DatabaseFile => Path.Combine(Folder, "sandbox.db");

    public static SandboxWorld Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hub-sandbox-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return new SandboxWorld(folder);
    }

    public string MailFolder(string name) => Path.Combine(Folder, "mail", name);

    public void Dispose()
    {
        TopDesk.Dispose();
        Dynamics.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder; it holds only demo data
        }
        catch (UnauthorizedAccessException)
        {
            // the same: a file the hub still held on Windows
        }
    }
}
