using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Tests.PickupFolders;

public sealed class ReplyMatchingTests : IDisposable
{
    private readonly MailFolders folders = new();

    public void Dispose() => folders.Dispose();

    [Fact]
    public async Task A_reply_to_a_follow_up_without_the_token_in_its_subject_is_matched_by_its_In_Reply_To()
    {
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-1",
            ExternalId = created.ExternalId,
            Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment("Kunt u ook de kraan nakijken?", IsPublic: true, Author: "facility"),
        }, Samples.Timeout());
        var followUp = MailFolders.Read(folders.Outbox).Single(m => m.Headers["X-Hub-Mail-Kind"] == "follow-up");
        var reply = ContractorMail.ReplyTo(followUp, "planning@devries.example", "Ja, nemen we mee.");
        reply.Subject = "Re: kraan";
        reply.References.Clear();
        await folders.DropInInboxAsync(reply);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal(created.ExternalId, change.ExternalId);
        Assert.Equal("Ja, nemen we mee.", change.Comment?.Text);
    }

    [Fact]
    public async Task More_replies_than_one_batch_holds_are_read_in_turns_without_losing_one()
    {
        folders.System.Set("BatchSize", "2");
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var order = folders.WorkOrder(created.ExternalId);
        foreach (var n in new[] { 1, 2, 3 })
        {
            await folders.DropInInboxAsync(ContractorMail.ReplyTo(order, "planning@devries.example", $"bericht {n}"), $"{n}.eml");
        }

        var first = await adapter.ReadChangesAsync(null, Samples.Timeout());
        var second = await adapter.ReadChangesAsync(first.NextWatermark, Samples.Timeout());
        var third = await adapter.ReadChangesAsync(second.NextWatermark, Samples.Timeout());

        Assert.True(first.HasMore);
        Assert.False(second.HasMore);
        Assert.Equal(["bericht 1", "bericht 2", "bericht 3"], first.Changes.Concat(second.Changes).Select(c => c.Comment?.Text));
        Assert.Empty(third.Changes);
        Assert.Equal(3, MailFolders.Read(folders.Processed).Count);
    }

    [Fact]
    public async Task Changes_the_engine_does_not_confirm_are_read_again_with_the_same_inbox_key()
    {
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        await folders.DropInInboxAsync(ContractorMail.ReplyTo(folders.WorkOrder(created.ExternalId), "planning@devries.example", "akkoord"));

        var first = await adapter.ReadChangesAsync(null, Samples.Timeout());
        var afterCrash = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var a = Assert.Single(first.Changes);
        var b = Assert.Single(afterCrash.Changes);
        Assert.Equal((a.ExternalId, a.Version), (b.ExternalId, b.Version));
        Assert.Empty(Directory.GetFiles(folders.Processed));
    }
}
