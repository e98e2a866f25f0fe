using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// Why a system was not read is in the journal, not only in the log: one entry when polling begins to fail, one when
/// it works again, however many polls failed in between.
/// </summary>
public abstract class PollFailureJournalTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private const string ExpiredPassword =
        "TOPdesk refused the login of operator 'hub-koppeling' while reading changed incidents (from 0) (401): the application password is wrong or expired. " +
        "Create a new application password for this operator and set it in Hub:Systems:servicedesk:ApplicationPassword.";

    private Task<List<Hub.Engine.Persistence.JournalEntry>> EntriesOfServiceDeskAsync() =>
        rig.ReadAsync(db => JournalQuery.Filtered(db, new JournalFilter { System = "servicedesk" }).ToListAsync());

    private async Task PollEveryMinuteAsync(int polls)
    {
        for (var poll = 0; poll < polls; poll++)
        {
            await rig.PollAsync("servicedesk");
            rig.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task Five_failing_polls_are_one_poll_failing_entry_and_the_first_good_poll_after_them_one_poll_recovered_entry()
    {
        await PollEveryMinuteAsync(1);
        var failingSince = rig.Clock.Now;
        rig.ServiceDesk.Failure = AdapterException.Permanent("servicedesk", ExpiredPassword);
        await PollEveryMinuteAsync(3);
        rig.ServiceDesk.Failure = AdapterException.Transient("servicedesk", "TOPdesk failed while reading changed incidents (from 0) (503): Service temporarily unavailable");
        await PollEveryMinuteAsync(2);
        rig.ServiceDesk.Failure = null;
        await PollEveryMinuteAsync(3);

        var entries = await EntriesOfServiceDeskAsync();
        Assert.Equal([HubEvent.PollFailing, HubEvent.PollRecovered], entries.Select(e => e.Kind));
        var failing = entries[0];
        Assert.Equal(JournalOutcome.Failed, failing.Outcome);
        Assert.Equal(failingSince, failing.At);
        Assert.Equal(ExpiredPassword, failing.Error);
        Assert.Null(failing.CaseId);
        var recovered = entries[1];
        Assert.Equal(JournalOutcome.Recovered, recovered.Outcome);
        Assert.Equal(failingSince + TimeSpan.FromMinutes(5), recovered.At);
        Assert.Contains("5 failed polls", recovered.Detail, StringComparison.Ordinal);
        Assert.Contains("5 min", recovered.Detail, StringComparison.Ordinal);
        Assert.Contains("503", recovered.Detail, StringComparison.Ordinal); // the last error of the streak
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task A_new_failure_after_a_recovery_is_a_new_poll_failing_entry()
    {
        rig.ServiceDesk.Failure = AdapterException.Transient("servicedesk", "TOPdesk did not answer in time while reading changed incidents (from 0).");
        await PollEveryMinuteAsync(2);
        rig.ServiceDesk.Failure = null;
        await PollEveryMinuteAsync(2);
        rig.ServiceDesk.Failure = AdapterException.Permanent("servicedesk", ExpiredPassword);
        await PollEveryMinuteAsync(4);

        var entries = await EntriesOfServiceDeskAsync();
        Assert.Equal([HubEvent.PollFailing, HubEvent.PollRecovered, HubEvent.PollFailing], entries.Select(e => e.Kind));
        Assert.Contains("2 failed polls", entries[1].Detail, StringComparison.Ordinal);
        Assert.Equal(ExpiredPassword, entries[2].Error);
        Assert.Equal(ExpiredPassword, (await HubStatus.ReadAsync(rig.Database, ["servicedesk"], CancellationToken.None))[0].LastError);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task An_adapter_that_throws_what_the_contract_does_not_describe_has_its_failing_polls_recorded_and_journaled()
    {
        rig.ServiceDesk.ReadCrash = new InvalidOperationException("Nullable object must have a value.");

        var failed = await rig.PollAsync("servicedesk");
        await rig.PollAsync("servicedesk");

        Assert.NotNull(failed.Error);
        Assert.Contains("Nullable object must have a value.", failed.Error, StringComparison.Ordinal);
        var status = (await HubStatus.ReadAsync(rig.Database, ["servicedesk"], CancellationToken.None))[0];
        Assert.Equal(failed.Error, status.LastError);
        var failing = Assert.Single(await EntriesOfServiceDeskAsync());
        Assert.Equal(HubEvent.PollFailing, failing.Kind);
        Assert.Equal(failed.Error, failing.Error);
    }
}

public sealed class PollFailureJournalOnSqliteTests() : PollFailureJournalTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class PollFailureJournalOnPostgresTests(PostgresServer server) : PollFailureJournalTests(server);
