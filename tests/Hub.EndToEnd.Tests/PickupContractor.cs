using Hub.Simulators.Contractor;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A world's contractor on pickup folders (outbox: the work orders the hub writes; inbox: the answers; processed and
/// quarantine: the hub's own), and the simulated plumber who answers each work order within seconds while it runs.
/// </summary>
internal sealed class PickupContractor : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task run;
    private readonly string root;

    /// <param name="worldFolder">The world's folder; the pickup folders go below it, in mail/.</param>
    /// <param name="answers">Whether the plumber answers (a test of an unanswered work order, or of real mail, says no).</param>
    /// <param name="language">The language the plumber answers in.</param>
    public PickupContractor(string worldFolder, bool answers = true, string language = "nl")
    {
        root = Path.Combine(worldFolder, "mail");
        foreach (var name in new[] { "outbox", "inbox", "processed", "quarantine" })
        {
            Directory.CreateDirectory(Folder(name));
        }

        Contractor = new SimulatedContractor(new ContractorSimulatorOptions
        {
            Outbox = Folder("outbox"),
            Inbox = Folder("inbox"),
            AcceptAfter = TimeSpan.FromMilliseconds(500),
            ScheduleAfter = TimeSpan.FromSeconds(1),
            DoneAfter = TimeSpan.FromMilliseconds(1500),
            Language = language,
        }, TimeProvider.System);
        run = answers ? Task.Run(() => Contractor.RunAsync(stop.Token)) : Task.CompletedTask;
    }

    public SimulatedContractor Contractor { get; }

    public string Folder(string name) => Path.Combine(root, name);

    /// <summary>Work orders the hub sent (files in the pickup outbox).</summary>
    public IReadOnlyList<string> WorkOrders() =>
        Directory.Exists(Folder("outbox")) ? Directory.GetFiles(Folder("outbox"), "*.eml", SearchOption.AllDirectories) : [];

    /// <summary>The hub's contractor system on these folders, as its configuration section (Hub:Systems:contractor).</summary>
    public object Section(string pollInterval) => new
    {
        Adapter = "Email", PollInterval = pollInterval, Transport = "Directory", From = "hub@facility.example", ReplyTo = "hub@facility.example",
        Directory = new { Outbox = Folder("outbox"), Inbox = Folder("inbox"), Processed = Folder("processed"), Quarantine = Folder("quarantine") },
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }
}
