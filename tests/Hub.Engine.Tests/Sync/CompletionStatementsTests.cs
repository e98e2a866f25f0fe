using System.Text.RegularExpressions;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// What the database runs to send a case's create and record it (counted on SQLite as SQLite runs it,
/// <see cref="SqliteStatements"/>): the completion is one transaction that marks the row done under its lease, links the
/// new record, journals it and queues the reporter's milestone; it reads no more than it must inside that transaction.
/// </summary>
public sealed partial class CompletionStatementsTests() : SyncRigTests(SqliteTestDatabase.Source)
{
    private protected override bool WithMilestones => true;

    [Fact]
    public async Task Recording_a_created_record_reads_the_outbox_row_not_again_and_the_cases_links_once_before_the_send()
    {
        var statements = await DispatchFirstCreateAsync();

        // The lease's own UPDATE and read back stay; the completion marks the row done in one conditional UPDATE.
        Assert.DoesNotContain(statements, s => RowById().IsMatch(s));
        Assert.Equal(2, SqliteStatements.Of(statements, "UPDATE", "outbox"));
        // The case's links once before the send (the origin's among them); inside the transaction only "is the new record linked already?".
        Assert.Equal(2, SqliteStatements.Of(statements, "SELECT", "links"));
        Assert.Equal(1, statements.Count(s => s.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, statements.Count(s => s.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(["Forwarded"], await MilestonesAsync());
        var row = (await rig.OutboxAsync()).Single(o => o.TargetSystem == "facility");
        Assert.Equal((OutboxStatus.Done, 1, (string?)null, (DateTimeOffset?)null), (row.Status, row.Attempts, row.LastError, row.LeaseUntil));
        Assert.Equal(SyncRig.Start, row.CompletedAt);
        await rig.AssertJournalIntactAsync();
    }

    [Fact]
    public async Task Recording_a_created_record_costs_no_more_statements_than_counted_here()
    {
        var statements = await DispatchFirstCreateAsync();

        // Counted on this branch (docs/performance/completion-reads.md); main 944378b ran 20 for the same round
        // (the row read back by its id, the origin's link read again, a savepoint around the one save).
        Assert.True(statements.Count <= 16, $"{statements.Count} statements:\n{string.Join("\n", statements)}");
    }

    [Fact]
    public async Task When_recording_a_sent_create_fails_the_row_is_not_marked_done_and_nothing_of_it_is_journaled()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 001", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        // The link's insert fails inside the completion's one save, after the row was marked done in the same transaction.
        await rig.Storage.ExecuteSqlAsync("CREATE TRIGGER refuse_links BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'links refused'); END;");

        await rig.DispatchAsync();

        var row = (await rig.OutboxAsync()).Single(o => o.TargetSystem == "facility");
        Assert.Equal((OutboxStatus.Pending, (DateTimeOffset?)null), (row.Status, row.CompletedAt));
        Assert.Equal(1, row.Attempts); // the failed attempt, counted once by the failure's own unit of work
        Assert.StartsWith("DbUpdateException", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(await rig.JournalAsync(), j => j.Outcome == JournalOutcome.Applied && j.TargetSystem == "facility");
        Assert.Empty(await MilestonesAsync());

        await rig.Storage.ExecuteSqlAsync("DROP TRIGGER refuse_links;");
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        await rig.DispatchAsync();

        row = (await rig.OutboxAsync()).Single(o => o.TargetSystem == "facility");
        Assert.Equal((OutboxStatus.Done, 2), (row.Status, row.Attempts));
        Assert.Equal(1, await rig.ReadAsync(db => db.Links.CountAsync(l => l.SystemName == "facility")));
        Assert.Equal(["Forwarded"], await MilestonesAsync());
        await rig.AssertJournalIntactAsync();
    }

    /// <summary>One complaint reported and taken in, then the round that sends its create to the building manager, counted.</summary>
    private async Task<IReadOnlyList<string>> DispatchFirstCreateAsync()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 001", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        using var statements = await SqliteStatements.OnOpenedAsync(((SqliteTestDatabase)rig.Storage).FilePath);
        statements.Count();
        Assert.Equal(1, await rig.DispatchAsync());
        var counted = statements.Stop();
        Assert.Single(rig.Facility.Created);
        return counted;
    }

    /// <summary>An outbox row read by its id alone (what the completion read back under the lease before).</summary>
    [GeneratedRegex("""^SELECT .*\sFROM "outbox" AS "o"\s+WHERE "o"\."Id" = \d+\s+LIMIT 1$""", RegexOptions.Singleline)]
    private static partial Regex RowById();

    private Task<List<string?>> MilestonesAsync() =>
        rig.ReadAsync(db => db.Journal.AsNoTracking().Where(j => j.Kind == HubEvent.Milestone).OrderBy(j => j.Sequence).Select(j => j.Detail).ToListAsync());
}
