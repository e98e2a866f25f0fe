using System.Diagnostics;
using System.Globalization;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// A sender whose call has answered takes the round's next command while the outcome of the one before waits for the
/// write gate: the database work of recording outcomes no longer holds one of the senders, and the round still ends
/// only once every outcome is recorded.
/// </summary>
public abstract class SendersFreedTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    [Fact]
    public async Task With_one_sender_the_next_command_goes_out_while_the_outcome_before_it_waits_for_the_write_gate()
    {
        rig.Options.DispatchConcurrency = 1;
        var changes = Enumerable.Range(1, 3)
            .Select(n => Complaint.Reported($"td-{n}", string.Create(CultureInfo.InvariantCulture, $"I 2026 {n:000}"), SyncRig.Start))
            .ToArray();
        rig.ServiceDesk.Report("td-page", changes);
        await rig.PollAsync("servicedesk");
        using var gate = new HubWriteGate();
        var dispatcher = rig.DispatcherOf(rig.Node, gate);
        var held = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Facility.BeforeCreate = async () =>
        {
            if (!held.Task.IsCompleted)
            {
                held.TrySetResult(await gate.EnterAsync(CancellationToken.None)); // from the first call on, another unit of work of this process holds the gate
            }
        };

        var round = Task.Run(() => dispatcher.DispatchDueAsync(CancellationToken.None));
        using (await held.Task)
        {
            var waiting = Stopwatch.StartNew();
            while (rig.Facility.Created.Count < 3)
            {
                Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30),
                    $"{rig.Facility.Created.Count} of 3 creates sent in 30 s while the write gate was held: the sender waited for its outcome to be recorded");
                await Task.Delay(10);
            }

            await Task.Delay(200);
            Assert.False(round.IsCompleted, "the round ended before its outcomes were recorded");
        }

        Assert.Equal(3, await round);
        var outbox = await rig.OutboxAsync();
        Assert.Equal(3, outbox.Count(o => o.TargetSystem == "facility" && o.Status == OutboxStatus.Done));
        await rig.AssertJournalIntactAsync();
    }
}

public sealed class SendersFreedOnSqliteTests() : SendersFreedTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class SendersFreedOnPostgresTests(PostgresServer server) : SendersFreedTests(server);
