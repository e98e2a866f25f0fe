using Hub.Engine.Audit;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Engine.Tests.Audit;

public abstract class JournalQueryTests(IDatabaseSource databases) : SeededComplaintTests(databases)
{
    [Fact]
    public async Task When_filtering_by_system_entries_from_or_to_that_system_are_returned_in_order()
    {
        var records = await ReadAsync(new JournalFilter { System = "servicedesk" });

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(r.SourceSystem == "servicedesk" || r.TargetSystem == "servicedesk"));
        Assert.Contains(records, r => r.SourceSystem != "servicedesk");
        Assert.Equal(records.Select(r => r.Sequence).Order(), records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task When_filtering_by_time_since_is_inclusive_and_until_is_exclusive()
    {
        var at = ComplaintChain.ReportedAt.Add(ComplaintChain.AtServiceDesk);

        var from = await ReadAsync(new JournalFilter { Since = at });
        var before = await ReadAsync(new JournalFilter { Until = at });

        Assert.Equal(at, from.Min(r => r.At));
        Assert.All(before, r => Assert.True(r.At < at));
        Assert.Equal(await CountAllAsync(), from.Count + before.Count);
    }

    [Fact]
    public async Task When_filtering_by_case_kind_and_outcome_only_matching_entries_are_returned()
    {
        var records = await ReadAsync(new JournalFilter { CaseId = ComplaintChain.CaseId, Kind = "Created", Outcome = JournalOutcome.Failed });

        var failed = Assert.Single(records);
        Assert.Equal("SMTP 451 temporary failure", failed.Error);
        Assert.Equal(1, failed.Attempt);
    }

    [Fact]
    public async Task Kind_and_outcome_match_in_any_letter_case()
    {
        var exact = await ReadAsync(new JournalFilter { Kind = "Created", Outcome = JournalOutcome.Failed });
        var typed = await ReadAsync(new JournalFilter { Kind = "created", Outcome = "FAILED" });

        Assert.NotEmpty(exact);
        Assert.Equal(exact.Select(r => r.Sequence), typed.Select(r => r.Sequence));
    }

    [Fact]
    public async Task When_paging_each_page_continues_where_the_last_ended_and_says_whether_more_follow()
    {
        await using var db = Temp.Database.CreateContext();
        var total = await CountAllAsync();

        var first = await JournalQuery.PageAsync(db, JournalFilter.All, 1, 4, CancellationToken.None);
        var last = await JournalQuery.PageAsync(db, JournalFilter.All, 3, 4, CancellationToken.None);

        Assert.True(first.HasMore);
        Assert.Equal([1L, 2, 3, 4], first.Items.Select(r => r.Sequence));
        Assert.False(last.HasMore);
        Assert.Equal(total - 8, last.Items.Count);
    }

    [Fact]
    public async Task Times_come_back_to_the_tick_and_time_filters_cut_at_the_exact_tick()
    {
        // Sub-microsecond ticks and a non-UTC offset: a timestamp column would round the one and drop the other.
        var at = new DateTimeOffset(2026, 12, 1, 10, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_567);
        var clock = new FakeTimeProvider(at);
        var journal = new HubJournal(clock);
        await using (var db = Temp.Database.CreateContext())
        {
            await journal.AppendAsync(db, new JournalLine { CaseId = ComplaintChain.CaseId, Kind = "CommentAdded", Outcome = JournalOutcome.Observed, SourceSystem = "contractor" }, CancellationToken.None);
            clock.Advance(TimeSpan.FromTicks(1));
            await journal.AppendAsync(db, new JournalLine { CaseId = ComplaintChain.CaseId, Kind = "CommentAdded", Outcome = JournalOutcome.Applied, TargetSystem = "facility" }, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var from = await ReadAsync(new JournalFilter { Since = at });
        var exactlyAt = await ReadAsync(new JournalFilter { Since = at, Until = at.AddTicks(1) });

        Assert.Equal([at.UtcTicks, at.UtcTicks + 1], from.Select(r => r.At.UtcTicks));
        Assert.Equal(at, Assert.Single(exactlyAt).At);
        await using var check = Temp.Database.CreateContext();
        Assert.True((await JournalVerifier.VerifyAsync(check, CancellationToken.None)).IsIntact); // the hash covers the ticks
    }

    private async Task<int> CountAllAsync() => (await ReadAsync(JournalFilter.All)).Count;

    private async Task<List<JournalRecord>> ReadAsync(JournalFilter filter)
    {
        await using var db = Temp.Database.CreateContext();
        var records = new List<JournalRecord>();
        await foreach (var record in JournalQuery.StreamAsync(db, filter))
        {
            records.Add(record);
        }

        return records;
    }
}

public sealed class JournalQueryOnSqliteTests() : JournalQueryTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JournalQueryOnPostgresTests(PostgresServer server) : JournalQueryTests(server);
