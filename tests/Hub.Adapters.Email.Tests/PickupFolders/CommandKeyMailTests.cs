using Hub.Adapters.Email.Tests.Support;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Email.Tests.PickupFolders;

/// <summary>
/// A follow-up or cancellation sent for an outbox command is that command's mail: a retry with the same command key is
/// the same mail however late it comes, and another command with the same words is another mail. Mails recorded before
/// command keys existed (and commands without a key) keep the old rule: same order, kind and words within an hour.
/// </summary>
public sealed class CommandKeyMailTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly MailFolders folders;

    public CommandKeyMailTests() => folders = new MailFolders(time);

    public void Dispose() => folders.Dispose();

    [Fact]
    public async Task A_follow_up_recorded_as_sent_is_not_sent_again_when_its_command_is_retried_two_hours_later()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Sleutel ligt bij de receptie.", "HUB-1/41"), Samples.Timeout());
        time.Advance(TimeSpan.FromHours(2));
        await folders.System.CreateAdapter().ApplyAsync(Comment(order, "Sleutel ligt bij de receptie.", "HUB-1/41"), Samples.Timeout());

        Assert.Single(Mails("follow-up"));
    }

    [Fact]
    public async Task A_cancellation_retried_two_hours_later_with_the_same_command_key_is_sent_once()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var cancel = new ApplyChangeCommand { CaseId = "HUB-1", ExternalId = order.ExternalId, Kind = ChangeKind.Cancelled, CommandKey = "HUB-1/42" };

        await adapter.ApplyAsync(cancel, Samples.Timeout());
        time.Advance(TimeSpan.FromHours(2));
        await adapter.ApplyAsync(cancel, Samples.Timeout());

        Assert.Single(Mails("cancellation"));
    }

    [Fact]
    public async Task Two_commands_with_the_same_words_within_a_minute_are_two_follow_ups()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", "HUB-1/43"), Samples.Timeout());
        time.Advance(TimeSpan.FromSeconds(40));
        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", "HUB-1/44"), Samples.Timeout());
        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", "HUB-1/44"), Samples.Timeout());

        var followUps = Mails("follow-up");
        Assert.Equal(2, followUps.Count);
        Assert.Equal(2, followUps.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_message_id_of_a_command_s_mail_is_stable_and_does_not_show_the_case_or_the_command()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Graag vóór 12:00.", "HUB-1/45"), Samples.Timeout());

        var messageId = Assert.Single(Mails("follow-up")).MessageId;
        Assert.DoesNotContain("HUB-1", messageId, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{32}@facility\\.example$", messageId);
        Assert.DoesNotContain(order.ExternalId, messageId, StringComparison.OrdinalIgnoreCase);
        var stored = await new WorkOrderStore(folders.System.State, EmailSystem.SystemName).GetAsync(order.ExternalId, Samples.Timeout());
        Assert.Equal(MailAboutOrder.MessageIdFor(stored!, "HUB-1/45", "facility.example"), messageId);
        Assert.NotEqual(MailAboutOrder.MessageIdFor(stored!, "HUB-1/46", "facility.example"), messageId);
    }

    [Fact]
    public async Task A_mail_recorded_before_command_keys_still_stops_a_retry_within_the_hour_and_loads()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        // What the adapter wrote before this change: no command key in the record.
        var fingerprint = MailAboutOrder.Fingerprint("follow-up", "De huurder is er vanaf 8 uur.");
        await folders.System.State.SetAsync(EmailSystem.SystemName, $"about:{order.ExternalId}:{fingerprint}",
            """{"messageId":"<old.1@facility.example>","firstTriedAt":"2026-11-23T08:40:00+00:00","sent":true,"handedOverAt":null}""",
            Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "De huurder is er vanaf 8 uur.", "HUB-1/47"), Samples.Timeout());
        await adapter.ApplyAsync(Comment(order, "De huurder is er vanaf 8 uur.", null), Samples.Timeout());
        Assert.Empty(Mails("follow-up"));

        // The old record now belongs to the command that retried it: another command with those words is a new mail.
        await adapter.ApplyAsync(Comment(order, "De huurder is er vanaf 8 uur.", "HUB-1/48"), Samples.Timeout());
        Assert.Single(Mails("follow-up"));
    }

    [Fact]
    public async Task A_mail_recorded_before_command_keys_and_before_the_command_was_queued_is_not_taken_for_it()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var fingerprint = MailAboutOrder.Fingerprint("follow-up", "Is er al nieuws?");
        await folders.System.State.SetAsync(EmailSystem.SystemName, $"about:{order.ExternalId}:{fingerprint}",
            """{"messageId":"<old.2@facility.example>","firstTriedAt":"2026-11-23T08:40:00+00:00","sent":true}""",
            Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", "HUB-1/49") with { QueuedAt = time.GetUtcNow().AddMinutes(-10) }, Samples.Timeout());

        Assert.Single(Mails("follow-up"));
    }

    [Fact]
    public async Task Without_a_command_key_the_same_words_within_the_hour_are_still_one_mail()
    {
        var adapter = folders.System.CreateAdapter();
        var order = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", null), Samples.Timeout());
        time.Advance(TimeSpan.FromMinutes(5));
        await adapter.ApplyAsync(Comment(order, "Is er al nieuws?", null), Samples.Timeout());

        Assert.Single(Mails("follow-up"));
    }

    private List<MimeKit.MimeMessage> Mails(string kind) =>
        [.. MailFolders.Read(folders.Outbox).Where(m => m.Headers["X-Hub-Mail-Kind"] == kind)];

    private static ApplyChangeCommand Comment(RecordReference order, string text, string? commandKey) => new()
    {
        CaseId = "HUB-1",
        ExternalId = order.ExternalId,
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment(text, IsPublic: true, Author: "servicedesk"),
        CommandKey = commandKey,
    };
}
