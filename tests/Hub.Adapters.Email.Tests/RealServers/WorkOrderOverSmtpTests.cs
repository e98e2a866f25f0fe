using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Tests.RealServers;

[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class WorkOrderOverSmtpTests(MailServers servers)
{
    [Fact]
    public async Task A_work_order_sent_through_the_real_smtp_server_arrives_in_the_contractors_mailbox()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var adapter = setup.System.CreateAdapter();
        var key = Samples.NewKey();

        var created = await adapter.CreateAsync(Samples.BlockedToilet(key, "Toilet <script>alert(1)</script> & lek"), Samples.Timeout());

        var arrived = await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.Headers["X-Hub-Correlation"] == key, Samples.Timeout());
        Assert.Matches(@"^WO-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$", created.ExternalId);
        Assert.Contains($"[{created.ExternalId}]", arrived.Subject, StringComparison.Ordinal);
        Assert.Equal(created.Version, arrived.MessageId);
        Assert.Equal(setup.Hub.Address, Assert.Single(arrived.ReplyTo.Mailboxes).Address);
        Assert.Equal(setup.Hub.Address, Assert.Single(arrived.From.Mailboxes).Address);
        Assert.Contains("Gebouw A", arrived.TextBody, StringComparison.Ordinal);
        Assert.Contains("Petra Jansen", arrived.TextBody, StringComparison.Ordinal);
        Assert.Contains("Toilet <script>alert(1)</script> & lek", arrived.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", arrived.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Toilet &lt;script&gt;alert(1)&lt;/script&gt; &amp; lek", arrived.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_and_a_cancellation_follow_the_work_order_in_its_thread()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var adapter = setup.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-1",
            ExternalId = created.ExternalId,
            Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment("Sleutel ligt bij de receptie.", IsPublic: true, Author: "servicedesk"),
        }, Samples.Timeout());
        await adapter.ApplyAsync(new ApplyChangeCommand { CaseId = "HUB-1", ExternalId = created.ExternalId, Kind = ChangeKind.Cancelled }, Samples.Timeout());

        var followUp = await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.Headers["X-Hub-Mail-Kind"] == "follow-up", Samples.Timeout());
        var cancellation = await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.Headers["X-Hub-Mail-Kind"] == "cancellation", Samples.Timeout());
        Assert.Equal(created.Version, followUp.InReplyTo);
        Assert.Contains(created.Version!, followUp.References);
        Assert.Contains("Sleutel ligt bij de receptie.", followUp.TextBody, StringComparison.Ordinal);
        Assert.Equal(created.Version, cancellation.InReplyTo);
        Assert.Contains($"[{created.ExternalId}]", cancellation.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_smtp_password_is_a_permanent_failure_that_does_not_reveal_the_password()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.Set("Smtp:Password", "wrong-secret-4711");
        var adapter = setup.System.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout()));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("credentials", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-4711", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_good_with_the_real_servers_and_bad_with_a_wrong_imap_password()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var live = await setup.System.CreateAdapter().CheckHealthAsync(Samples.Timeout());
        setup.System.Set("Imap:Password", "not-the-password");
        var refused = await setup.System.CreateAdapter().CheckHealthAsync(Samples.Timeout());

        Assert.True(live.IsHealthy, live.Detail);
        Assert.False(refused.IsHealthy);
        Assert.Contains("IMAP", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", refused.Detail, StringComparison.Ordinal);
    }
}
