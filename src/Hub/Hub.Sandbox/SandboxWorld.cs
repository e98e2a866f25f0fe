using Hub.Sandbox.Chains;
using Hub.Sandbox.Systems;
using Hub.Simulators.Contractor;

namespace Hub.Sandbox;

/// <summary>
/// The three organisations of the chain, on loopback: the tenant's service desk and the building manager as the chain
/// has them (simulated TOPdesk, Dynamics 365 with its Entra ID token endpoint, or ServiceNow) and a contractor who
/// answers work orders dropped in a pickup folder. Everything lives in one temp folder, removed at the end.
/// </summary>
internal sealed class SandboxWorld : IDisposable
{
    private SandboxWorld(string folder, SandboxChain chain)
    {
        Folder = folder;
        foreach (var mailFolder in new[] { "outbox", "inbox", "processed", "quarantine" })
        {
            Directory.CreateDirectory(MailFolder(mailFolder));
        }

        Chain = chain;
        ServiceDesk = chain.StartServiceDesk();
        Facility = chain.StartFacility();
        Contractor = new SimulatedContractor(
            new ContractorSimulatorOptions { Outbox = MailFolder("outbox"), Inbox = MailFolder("inbox") },
            TimeProvider.System);
    }

    public string Folder { get; }
    public SandboxChain Chain { get; }
    public SandboxServiceDesk ServiceDesk { get; }
    public SandboxFacility Facility { get; }
    public SimulatedContractor Contractor { get; }
    public string DatabaseFile => Path.Combine(Folder, "sandbox.db");

    public static SandboxWorld Start(SandboxChain chain)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hub-sandbox-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return new SandboxWorld(folder, chain);
    }

    public string MailFolder(string name) => Path.Combine(Folder, "mail", name);

    public void Dispose()
    {
        ServiceDesk.Dispose();
        Facility.Dispose();
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
