using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Replies;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Model;
using MimeKit;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>One mail the adapter cannot read must never stop the contractor inbox: it is set aside with its reason and the poll goes on.</summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class UnreadableReplyTests(MailServers servers)
{
    [Fact]
    public async Task A_reply_nested_1000_deep_is_quarantined_with_its_reason_and_the_gereed_after_it_resolves_the_case()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.ReplyReader = (mappings, time) => new MappedContractorReplyReader(mappings, time);
        var order = await setup.SendOrderAsync(setup.System.CreateAdapter(), Samples.NewKey());
        var hostile = ContractorMail.ReplyTo(order, setup.Contractor.Address, "unused");
        var html = string.Concat(Enumerable.Repeat("<div>", 1000)) + "<b>gereed</b>" + string.Concat(Enumerable.Repeat("</div>", 1000));
        hostile.Body = new TextPart("html") { Text = html };
        var done = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed");
        await setup.DeliverToHubAsync(hostile);
        await setup.DeliverToHubAsync(done);

        var batch = await setup.System.CreateAdapter().ReadChangesAsync(null, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal(ChangeKind.Resolved, change.Kind);
        Assert.Equal(done.MessageId, change.Version);
        Assert.Contains(hostile.MessageId, await servers.MessageIdsInAsync(setup.Hub, "Hub/Quarantine", Samples.Timeout()));
        var reported = Assert.Single(setup.System.Journal.Recorded, m => m.MessageId == hostile.MessageId);
        Assert.True(reported.Quarantined);
        Assert.Equal(IgnoredMailReason.Malformed, reported.Reason);
        Assert.Contains("nests more than 500 elements deep", reported.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_the_reader_fails_on_in_an_unforeseen_way_is_set_aside_and_the_next_reply_is_read()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.ReplyReader = (_, _) => new ReaderThatChokesOn("Kapot");
        var order = await setup.SendOrderAsync(setup.System.CreateAdapter(), Samples.NewKey());
        var choking = ContractorMail.ReplyTo(order, setup.Contractor.Address, "Kapot");
        var done = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed");
        await setup.DeliverToHubAsync(choking);
        await setup.DeliverToHubAsync(done);

        var batch = await setup.System.CreateAdapter().ReadChangesAsync(null, Samples.Timeout());

        Assert.Equal(done.MessageId, Assert.Single(batch.Changes).Version);
        Assert.Contains(choking.MessageId, await servers.MessageIdsInAsync(setup.Hub, "Hub/Quarantine", Samples.Timeout()));
        var reported = Assert.Single(setup.System.Journal.Recorded, m => m.MessageId == choking.MessageId);
        Assert.Equal(IgnoredMailReason.Unreadable, reported.Reason);
        Assert.Contains("KeyNotFoundException", reported.Detail, StringComparison.Ordinal);
    }

    /// <summary>A reply reader (a host may plug in its own) with a bug that one mail's words set off.</summary>
    private sealed class ReaderThatChokesOn(string words) : IContractorReplyReader
    {
        private readonly MinimalReplyReader reader = new();

        public ContractorReply Read(MimeMessage message, string language, TimeZoneInfo zone) =>
            message.TextBody?.Contains(words, StringComparison.Ordinal) == true
                ? throw new KeyNotFoundException("a phrase table has no entry for it")
                : reader.Read(message, language, zone);
    }
}
