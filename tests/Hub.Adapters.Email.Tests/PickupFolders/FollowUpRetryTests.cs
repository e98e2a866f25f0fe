using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Email.Tests.PickupFolders;

/// <summary>
/// The dispatcher retries a command whose answer it never saw (a crash after the mail server took the mail, a lost
/// reply): the contractor must still get one follow-up, not one per attempt.
/// </summary>
public sealed class FollowUpRetryTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly MailFolders folders;

    public FollowUpRetryTests() => folders = new MailFolders(time);

    public void Dispose() => folders.Dispose();

    [Fact]
    public async Task A_retried_follow_up_that_was_sent_already_is_not_sent_again()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Sleutel ligt bij de receptie."), Samples.Timeout());
        time.Advance(TimeSpan.FromMinutes(2));
        await folders.System.CreateAdapter().ApplyAsync(Comment(order, "Sleutel ligt bij de receptie.\n"), Samples.Timeout());

        Assert.Single(FollowUps());
    }

    [Fact]
    public async Task A_follow_up_retried_after_a_failed_send_goes_out_once()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var firstTry = Path.Combine(folders.Root, "held");
        Directory.Move(folders.Outbox, firstTry);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ApplyAsync(Comment(order, "Graag vóór 12:00."), Samples.Timeout()));
        Directory.Move(firstTry, folders.Outbox);
        time.Advance(TimeSpan.FromMinutes(1));
        await adapter.ApplyAsync(Comment(order, "Graag vóór 12:00."), Samples.Timeout());
        await adapter.ApplyAsync(Comment(order, "Graag vóór 12:00."), Samples.Timeout());

        Assert.Equal(FailureKind.Transient, failure.Kind);
        var followUp = Assert.Single(FollowUps());
        Assert.Equal(order.Version, followUp.InReplyTo);
    }

    [Fact]
    public async Task The_same_words_an_hour_later_are_a_new_follow_up_and_other_words_are_never_held_back()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?"), Samples.Timeout());
        await adapter.ApplyAsync(Comment(order, "De huurder is er vanaf 8 uur."), Samples.Timeout());
        time.Advance(WorkOrders.MailAboutOrder.RetryWindow + TimeSpan.FromMinutes(1));
        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?"), Samples.Timeout());

        var followUps = FollowUps();
        Assert.Equal(3, followUps.Count);
        Assert.Equal(3, followUps.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_cancellation_retried_after_it_went_out_is_sent_once()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var cancel = new ApplyChangeCommand { CaseId = "HUB-1", ExternalId = order.ExternalId, Kind = ChangeKind.Cancelled };

        await adapter.ApplyAsync(cancel, Samples.Timeout());
        await adapter.ApplyAsync(cancel, Samples.Timeout());

        Assert.Single(MailFolders.Read(folders.Outbox), m => m.Headers["X-Hub-Mail-Kind"] == "cancellation");
    }

    private List<MimeKit.MimeMessage> FollowUps() =>
        [.. MailFolders.Read(folders.Outbox).Where(m => m.Headers["X-Hub-Mail-Kind"] == "follow-up")];

    private static ApplyChangeCommand Comment(RecordReference order, string text) => new()
    {
        CaseId = "HUB-1",
        ExternalId = order.ExternalId,
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment(text, IsPublic: true, Author: "servicedesk"),
    };
}
