using System.Text;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// Text with an emoji exactly across each of the engine's own cut points (the journal's 500 characters of a
/// comment, the dispatcher's 120 characters of a written note), taken in, dispatched and journaled on each provider:
/// PostgreSQL refuses half an emoji, so a cut inside one would stall intake or make a good write look failed.
/// </summary>
public abstract class TextCutThroughStorageTests(IDatabaseSource databases) : SyncRigTests(databases)
{
    private const string Toilet = "\U0001F6BD"; // 🚽, one surrogate pair
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"; // 👨‍👩‍👧‍👦
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(499, Toilet)] // the journal keeps 500 characters of a comment: the pair across 499/500
    [InlineData(495, Family)] // a ZWJ family across the same point
    public async Task A_comment_with_an_emoji_across_the_journals_cut_is_taken_in_and_journaled_whole(int at, string emoji)
    {
        await OpenCaseAsync();
        var text = new string('x', at) + emoji + new string('y', 200);

        var polled = await rig.PollAsync(ReportComment(text));

        Assert.Null(polled.Error);
        Assert.Equal(1, polled[IntakeResult.Updated]);
        var journaled = await rig.ReadAsync(db => db.Journal.AsNoTracking().Where(j => j.Kind == nameof(ChangeKind.CommentAdded)).Select(j => j.After).SingleAsync());
        AssertCutWhole(journaled!, text, 500);
        await rig.AssertJournalIntactAsync();
    }

    [Theory]
    [InlineData(118, Toilet)] // the dispatcher journals 120 characters of a note it wrote: the pair across 118/119
    [InlineData(112, Family)]
    public async Task A_note_with_an_emoji_across_the_dispatchers_cut_is_written_once_and_journaled_as_applied(int at, string emoji)
    {
        await OpenCaseAsync();
        var text = new string('x', at) + emoji + new string('y', 200);
        await rig.PollAsync(ReportComment(text));

        await rig.DispatchAllDueAsync();

        var notes = rig.Facility.Applied.Where(a => a.Kind == ChangeKind.CommentAdded).ToList();
        Assert.Equal(text, Assert.Single(notes).Comment!.Text);
        var outbox = await rig.OutboxAsync();
        Assert.All(outbox, o => Assert.Equal((OutboxStatus.Done, 1), (o.Status, o.Attempts)));
        var detail = await rig.ReadAsync(db => db.Journal.AsNoTracking()
            .Where(j => j.Kind == nameof(ChangeKind.CommentAdded) && j.TargetSystem == "facility" && j.Outcome == JournalOutcome.Applied).Select(j => j.Detail).SingleAsync());
        Assert.StartsWith("public note: ", detail, StringComparison.Ordinal);
        AssertCutWhole(detail!["public note: ".Length..], text, 120);
        await rig.AssertJournalIntactAsync();
    }

    private async Task OpenCaseAsync()
    {
        rig.ServiceDesk.Report("td-page-1", Complaint.Reported("td-1", "I 2026 101", SyncRig.Start));
        await rig.PollAsync("servicedesk");
        await rig.DispatchAllDueAsync();
        rig.Clock.Advance(TimeSpan.FromHours(1));
    }

    /// <summary>The contractor answers the work order with the text; returns the system to poll.</summary>
    private string ReportComment(string text)
    {
        rig.Contractor.Report("mail-1", new ObservedChange
        {
            ExternalId = "contractor-id-001",
            Version = "reply-1",
            Kind = ChangeKind.CommentAdded,
            OccurredAt = rig.Clock.Now,
            Comment = new CaseComment(text, IsPublic: true, Author: "Loodgieter Jansen"),
        });
        return "contractor";
    }

    private static void AssertCutWhole(string stored, string original, int limit)
    {
        Assert.True(Record.Exception(() => Strict.GetByteCount(stored)) is null, "the stored text holds half an emoji");
        Assert.DoesNotContain('\uFFFD', stored);
        Assert.EndsWith("…", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= limit, $"{stored.Length} characters");
        Assert.StartsWith(stored[..^1], original, StringComparison.Ordinal);
    }
}

public sealed class TextCutThroughStorageOnSqliteTests() : TextCutThroughStorageTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class TextCutThroughStorageOnPostgresTests(PostgresServer server) : TextCutThroughStorageTests(server);
