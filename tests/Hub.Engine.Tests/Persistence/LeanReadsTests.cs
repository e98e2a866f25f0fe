using System.Data;

namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// <see cref="LeanReads"/> answers as the compiled queries it replaced answered, on both databases: the journal's head
/// (none on an empty journal, the unit of work's own uncommitted entry inside its transaction), a case's records whole
/// and oldest first, and the "is it there?" checks; and it leaves the unit of work's connection as EF Core's own
/// queries leave it.
/// </summary>
public abstract class LeanReadsTests(IDatabaseSource databases)
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_empty_journal_has_no_head()
    {
        await using var temp = await databases.CreateAsync();
        await using var db = temp.Database.CreateContext();

        Assert.Null(await LeanReads.Of(db).JournalHeadAsync(db, CancellationToken.None));
        Assert.Equal(AfterAQuery(temp.Database), db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task The_head_is_the_last_entry_and_inside_a_transaction_the_transactions_own_last_one()
    {
        await using var temp = await databases.CreateAsync();
        var journal = new HubJournal(TimeProvider.System);
        await using (var db = temp.Database.CreateContext())
        {
            await journal.AppendAsync(db, Line("first"), CancellationToken.None);
            await journal.AppendAsync(db, Line("second"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using (var db = temp.Database.CreateContext())
        {
            var last = await db.Journal.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(new JournalHead(2, last.Hash), await LeanReads.Of(db).JournalHeadAsync(db, CancellationToken.None));

            await journal.HoldWriteLockAsync(db, CancellationToken.None);
            var third = await journal.AppendAsync(db, Line("third"), CancellationToken.None);
            await DirectSave.SaveAsync(db, CancellationToken.None); // commits the lock's transaction
            Assert.Equal(new JournalHead(3, third.Hash), await LeanReads.Of(db).JournalHeadAsync(db, CancellationToken.None));
        }

        await using (var db = temp.Database.CreateContext())
        {
            var tx = await db.Database.BeginTransactionAsync();
            await using (tx)
            {
                await journal.AppendAsync(db, Line("fourth"), CancellationToken.None);
                await DirectSave.SaveAsync(db, CancellationToken.None); // in the caller's transaction: not committed
                var head = await LeanReads.Of(db).JournalHeadAsync(db, CancellationToken.None);
                Assert.Equal(4, head?.Sequence);
                Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
            }
        }

        await using var check = temp.StartAgain().CreateContext();
        Assert.Equal(3, (await LeanReads.Of(check).JournalHeadAsync(check, CancellationToken.None))?.Sequence);
        Assert.True((await JournalVerifier.VerifyAsync(check, CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task A_cases_records_are_read_whole_oldest_first_untracked_as_EF_Core_reads_them()
    {
        await using var temp = await databases.CreateAsync();
        await using (var db = temp.Database.CreateContext())
        {
            db.Links.Add(new LinkRecord { CaseId = "HUB-2026-000001", SystemName = "servicedesk", ExternalId = "I-1", ExternalNumber = "I 2612 001", Role = "Origin", CreatedAt = Opened });
            db.Links.Add(new LinkRecord { CaseId = "HUB-2026-000002", SystemName = "facility", ExternalId = "F-9", Role = "Target", CreatedAt = Opened });
            db.Links.Add(new LinkRecord { CaseId = "HUB-2026-000001", SystemName = "facility", ExternalId = "F-1", Role = "Target", UpstreamSystem = "servicedesk", LastWrittenFingerprint = "{\"w\":1}", CreatedAt = Opened.AddMinutes(3) });
            await db.SaveChangesAsync();
        }

        await using var read = temp.StartAgain().CreateContext();
        var expected = await read.Links.AsNoTracking().Where(l => l.CaseId == "HUB-2026-000001").OrderBy(l => l.Id).ToListAsync();
        var links = await LeanReads.Of(read).CaseLinksAsync(read, "HUB-2026-000001", CancellationToken.None);

        Assert.Equal(expected.Select(Fields), links.Select(Fields));
        Assert.Equal(["servicedesk", "facility"], links.Select(l => l.SystemName));
        Assert.Empty(read.ChangeTracker.Entries());
        Assert.Empty(await LeanReads.Of(read).CaseLinksAsync(read, "HUB-2026-000009", CancellationToken.None));
    }

    [Fact]
    public async Task A_case_is_read_whole_with_its_empty_fields_empty_and_a_missing_case_or_value_is_none()
    {
        await using var temp = await databases.CreateAsync();
        await using (var db = temp.Database.CreateContext())
        {
            db.Cases.Add(new CaseRecord { Id = "HUB-2026-000001", OriginSystem = "servicedesk", Title = "Leaking tap", Status = "New", AppointmentStart = Opened.AddDays(1), CreatedAt = Opened, UpdatedAt = Opened.AddMinutes(5), FieldStamps = "{\"Title\":1}" });
            await db.SaveChangesAsync();
        }

        await new DatabaseAdapterStateStore(temp.Database).SetAsync("facility", "deltaLink", "token-1", CancellationToken.None);

        await using var read = temp.StartAgain().CreateContext();
        var expected = await read.Cases.AsNoTracking().SingleAsync(c => c.Id == "HUB-2026-000001");
        var record = await LeanReads.Of(read).CaseAsync(read, "HUB-2026-000001", CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equivalent(expected, record, strict: true);
        Assert.Null(record.Description);
        Assert.Null(record.AppointmentEnd);
        Assert.Null(await LeanReads.Of(read).CaseAsync(read, "HUB-2026-000002", CancellationToken.None));
        Assert.Equal("token-1", await LeanReads.Of(read).AdapterStateValueAsync(read, "facility", "deltaLink", CancellationToken.None));
        Assert.Null(await LeanReads.Of(read).AdapterStateValueAsync(read, "servicedesk", "deltaLink", CancellationToken.None));
        Assert.Empty(read.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Whether_a_record_is_linked_or_in_the_inbox_or_a_milestone_journaled_is_answered_as_before()
    {
        await using var temp = await databases.CreateAsync();
        await using (var db = temp.Database.CreateContext())
        {
            db.Links.Add(new LinkRecord { CaseId = "HUB-2026-000001", SystemName = "facility", ExternalId = "F-1", Role = "Target", CreatedAt = Opened });
            db.Inbox.Add(new InboxEntry { SystemName = "servicedesk", ExternalId = "I-1", Version = "2", SeenAt = Opened });
            await new HubJournal(TimeProvider.System).AppendAsync(db, Line("Appointment", after: "Tuesday at 9"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var read = temp.StartAgain().CreateContext();
        var reads = LeanReads.Of(read);
        var none = CancellationToken.None;
        Assert.Equal((true, false, false), (await reads.LinkExistsAsync(read, "facility", "F-1", none), await reads.LinkExistsAsync(read, "facility", "F-2", none), await reads.LinkExistsAsync(read, "servicedesk", "F-1", none)));
        Assert.Equal((true, false), (await reads.InboxHasAsync(read, "servicedesk", "I-1", "2", none), await reads.InboxHasAsync(read, "servicedesk", "I-1", "3", none)));
        Assert.True(await reads.MilestoneJournaledAsync(read, "HUB-2026-000001", "Appointment", "servicedesk", null, none));
        Assert.True(await reads.MilestoneJournaledAsync(read, "HUB-2026-000001", "Appointment", "servicedesk", "Tuesday at 9", none));
        Assert.False(await reads.MilestoneJournaledAsync(read, "HUB-2026-000001", "Appointment", "servicedesk", "Wednesday at 9", none));
        Assert.False(await reads.MilestoneJournaledAsync(read, "HUB-2026-000001", "Appointment", "facility", null, none));
        Assert.False(await reads.MilestoneJournaledAsync(read, "HUB-2026-000002", "Appointment", "servicedesk", null, none));
        Assert.Equal(AfterAQuery(temp.Database), read.Database.GetDbConnection().State);
    }

    /// <summary>
    /// How EF Core's own queries leave a unit of work's connection: closed on PostgreSQL, open on SQLite, where a pooled
    /// context keeps its connection open for its prepared statements (SqliteConnectionKeptOpen).
    /// </summary>
    private static ConnectionState AfterAQuery(HubDatabase database) =>
        database.Provider == DatabaseProvider.Sqlite ? ConnectionState.Open : ConnectionState.Closed;

    private static JournalLine Line(string detail, string? after = null) => new()
    {
        CaseId = "HUB-2026-000001",
        Kind = HubEvent.Milestone,
        Outcome = JournalOutcome.Applied,
        SourceSystem = "servicedesk",
        Detail = detail,
        After = after,
    };

    private static object Fields(LinkRecord l) =>
        (l.Id, l.CaseId, l.SystemName, l.ExternalId, l.ExternalNumber, l.Role, l.UpstreamSystem, l.LastWrittenFingerprint, l.CreatedAt);
}

public sealed class LeanReadsOnSqliteTests() : LeanReadsTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class LeanReadsOnPostgresTests(PostgresServer server) : LeanReadsTests(server);
