using System.CommandLine;
using System.Globalization;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Hub.Host.Cli;
using Hub.Host.Tests.Audit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Tests.Cli;

/// <summary>
/// `hub deadletters replay` while the service runs: the command and the service share nothing but the database (each its
/// own HubDatabase, write gate and journal, as two processes have), and the journal stays one chain.
/// </summary>
public sealed class DeadLettersCommandTests : IAsyncLifetime
{
    private const int DeadLetters = 20;
    private SqliteTestDatabase temp = null!;
    private string config = null!;

    public async Task InitializeAsync()
    {
        temp = await SqliteTestDatabase.CreateAsync();
        config = HubCliRun.ConfigFor(temp); // written once: commands run at the same time all read it
        await using var db = temp.Database.CreateContext();
        for (var i = 1; i <= DeadLetters; i++)
        {
            db.Outbox.Add(new OutboxCommand
            {
                CaseId = $"HUB-2026-{i:000000}", TargetSystem = "facility", Operation = "Create", Kind = "Created", Payload = "{}",
                Status = OutboxStatus.DeadLettered, Attempts = 12, LastError = "Dynamics refused to create the case (400)",
                CreatedAt = DateTimeOffset.UnixEpoch, NextAttemptAt = DateTimeOffset.UnixEpoch,
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await temp.DisposeAsync();

    private async Task<CliResult> ReplayAsync(long id)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await HubCli.Build()
            .Parse(["deadletters", "replay", id.ToString(CultureInfo.InvariantCulture), "--config", config])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>The running service: journals as its poll and dispatch do, in units of work of its own, until told to stop.</summary>
    private static async Task<int> RunServiceAsync(HubDatabase database, CancellationToken stop)
    {
        using var gate = new HubWriteGate();
        var journal = new HubJournal(TimeProvider.System);
        var appended = 0;
        while (!stop.IsCancellationRequested)
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await using var db = database.CreateContext();
                await journal.AppendAsync(db, new JournalLine
                {
                    CaseId = "HUB-2026-000999", Kind = "StatusChanged", Outcome = JournalOutcome.Applied, TargetSystem = "servicedesk", After = $"round {appended}",
                }, CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
                appended++;
            }
        }

        return appended;
    }

    [Fact]
    public async Task Replaying_dead_letters_from_the_command_line_while_the_service_journals_keeps_one_intact_chain()
    {
        using var stop = new CancellationTokenSource();
        var service = Task.Run(() => RunServiceAsync(new HubDatabase(new DatabaseOptions { ConnectionString = $"Data Source={temp.FilePath}" }, temp.Directory), stop.Token));
        var results = new List<CliResult>();
        for (var id = 1; id <= DeadLetters; id++)
        {
            results.Add(await ReplayAsync(id));
        }

        await stop.CancelAsync();
        var serviceAppended = await service;

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var verify = await HubCliRun.RunAsync(temp, "verify");
        Assert.True(verify.ExitCode == 0, verify.Error);
        await using var db = temp.Database.CreateContext();
        Assert.Equal(DeadLetters, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.Attempts == 0));
        Assert.Equal(DeadLetters, await db.Journal.CountAsync(e => e.Outcome == JournalOutcome.Replayed));
        Assert.Equal(serviceAppended, await db.Journal.CountAsync(e => e.CaseId == "HUB-2026-000999"));
        Assert.True(serviceAppended > DeadLetters, $"the service journaled only {serviceAppended} times while the replays ran");
    }

    [Fact]
    public async Task Two_admins_replaying_the_same_dead_letters_at_once_put_each_back_once()
    {
        var runs = Enumerable.Range(1, DeadLetters)
            .SelectMany(id => new[] { id, id })
            .Select(id => Task.Run(() => ReplayAsync(id)))
            .ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal(DeadLetters, results.Count(r => r.ExitCode == 0));
        Assert.All(results.Where(r => r.ExitCode != 0), r => Assert.Contains("No dead letter with id", r.Error, StringComparison.Ordinal));
        await using var db = temp.Database.CreateContext();
        Assert.Equal(DeadLetters, await db.Journal.CountAsync(e => e.Outcome == JournalOutcome.Replayed));
    }
}
