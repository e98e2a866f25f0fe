using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using MailKit;
using MimeKit;

namespace Hub.Adapters.Email.Tests.RealServers;

[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class RepliesOverImapTests(MailServers servers)
{
    [Fact]
    public async Task When_the_contractor_plans_a_visit_the_reply_in_the_hub_mailbox_becomes_an_appointment()
    {
        var (setup, adapter, order, key) = await SendOrderAsync();
        var reply = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gepland 24-11-2026 08:00-11:00");
        await setup.DeliverToHubAsync(reply);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal(ChangeKind.AppointmentSet, change.Kind);
        Assert.Equal(order.Headers["X-Hub-Work-Order"], change.ExternalId);
        Assert.Equal(reply.MessageId, change.Version);
        Assert.Equal("scheduled", change.RawValues[MappedField.Status]);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, reply.Date.Offset), change.Fields.Appointment?.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, reply.Date.Offset), change.Fields.Appointment?.End);
        Assert.Equal("gepland 24-11-2026 08:00-11:00", change.Comment?.Text);
        Assert.Equal(key, change.CorrelationKey);
        Assert.False(change.WrittenByHub);
    }

    [Fact]
    public async Task When_contractor_reports_done_in_an_unthreaded_mail_the_subject_token_finds_the_order_and_resolves_it()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        await setup.DeliverToHubAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed, afvoer ontstopt", threaded: false));

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal(ChangeKind.Resolved, change.Kind);
        Assert.Equal("done", change.RawValues[MappedField.Status]);
        Assert.Equal("gereed, afvoer ontstopt", change.Comment?.Text);
        Assert.Equal("gereed, afvoer ontstopt", change.Fields.Resolution);
    }

    [Fact]
    public async Task A_spoofed_reply_changes_nothing_and_lands_in_quarantine()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        var spoof = ContractorMail.ReplyTo(order, "plumber@evil.test", "gereed");
        await setup.DeliverToHubAsync(spoof);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Empty(batch.Changes);
        Assert.Contains(spoof.MessageId, await servers.MessageIdsInAsync(setup.Hub, "Hub/Quarantine", Samples.Timeout()));
        Assert.DoesNotContain(spoof.MessageId, await servers.MessageIdsInAsync(setup.Hub, "INBOX", Samples.Timeout()));
        var reported = Assert.Single(setup.System.Journal.Recorded);
        Assert.Equal(IgnoredMailReason.UntrustedSender, reported.Reason);
        Assert.True(reported.Quarantined);
        Assert.StartsWith("from plumber@evil.test: ", reported.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_replies_are_moved_to_the_processed_folder_once_the_engine_confirms_them_and_never_deleted()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        var first = ContractorMail.ReplyTo(order, setup.Contractor.Address, "akkoord");
        var second = ContractorMail.ReplyTo(order, setup.Contractor.Address, "De sleutel graag bij de balie.");
        await setup.DeliverToHubAsync(first);
        await setup.DeliverToHubAsync(second);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());
        var stillWaiting = await servers.MessageIdsInAsync(setup.Hub, "INBOX", Samples.Timeout());
        var next = await adapter.ReadChangesAsync(batch.NextWatermark, Samples.Timeout());

        Assert.Equal([ChangeKind.CommentAdded, ChangeKind.CommentAdded], batch.Changes.Select(c => c.Kind));
        Assert.Equal("accepted", batch.Changes[0].RawValues[MappedField.Status]);
        Assert.False(batch.Changes[1].RawValues.ContainsKey(MappedField.Status));
        Assert.Equal(2, stillWaiting.Count);
        Assert.Empty(next.Changes);
        Assert.Empty(await servers.MessageIdsInAsync(setup.Hub, "INBOX", Samples.Timeout()));
        Assert.Equal(new[] { first.MessageId, second.MessageId }.Order(), (await servers.MessageIdsInAsync(setup.Hub, "Hub/Processed", Samples.Timeout())).Order());
    }

    [Fact]
    public async Task A_new_UIDVALIDITY_makes_the_adapter_read_the_folder_afresh_instead_of_skipping_low_uids()
    {
        var (setup, adapter, order, _) = await SendOrderAsync(replyFolder: "Replies");
        var before = ContractorMail.ReplyTo(order, setup.Contractor.Address, "akkoord");
        await AppendToAsync(setup, "Replies", before);
        var first = await adapter.ReadChangesAsync(null, Samples.Timeout());
        await adapter.ReadChangesAsync(first.NextWatermark, Samples.Timeout());

        await RecreateFolderAsync(setup, "Replies");
        var after = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed");
        await AppendToAsync(setup, "Replies", after);
        var batch = await adapter.ReadChangesAsync(first.NextWatermark, Samples.Timeout());

        Assert.Equal(before.MessageId, Assert.Single(first.Changes).Version);
        var change = Assert.Single(batch.Changes);
        Assert.Equal(after.MessageId, change.Version);
        Assert.Equal(ChangeKind.Resolved, change.Kind);
        Assert.NotEqual(first.NextWatermark, batch.NextWatermark);
    }

    [Fact]
    public async Task An_arriving_reply_wakes_the_idle_waiter()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        var waiter = Assert.IsAssignableFrom<IArrivalWaiter>(adapter);

        var waiting = waiter.WaitForArrivalAsync(TimeSpan.FromSeconds(50), Samples.Timeout());
        for (var attempt = 0; attempt < 40 && !waiting.IsCompleted; attempt++)
        {
            await servers.SendAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, "akkoord"), Samples.Timeout());
            await Task.WhenAny(waiting, Task.Delay(500));
        }

        Assert.True(await waiting);
    }

    [Fact]
    public async Task A_reply_that_arrives_while_nobody_waits_ends_the_next_wait_at_once()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        var waiter = Assert.IsAssignableFrom<IArrivalWaiter>(adapter);
        await UntilNothingArrivesAsync(waiter);

        await setup.DeliverToHubAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, "akkoord"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var arrived = await waiter.WaitForArrivalAsync(TimeSpan.FromSeconds(20), Samples.Timeout());

        Assert.True(arrived);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"waited {waited.Elapsed}");
    }

    [Fact]
    public async Task A_reply_that_arrives_after_read_mail_was_moved_out_still_wakes_the_waiter()
    {
        var (setup, adapter, order, _) = await SendOrderAsync();
        var waiter = Assert.IsAssignableFrom<IArrivalWaiter>(adapter);
        await setup.DeliverToHubAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, "akkoord"));
        await UntilNothingArrivesAsync(waiter);

        var waiting = waiter.WaitForArrivalAsync(TimeSpan.FromSeconds(30), Samples.Timeout());
        await Task.Delay(TimeSpan.FromSeconds(2)); // idling on a folder that holds the order's copy and the first reply
        await MoveEverythingOutOfTheInboxAsync(setup); // as the hub's next poll does with what it has read
        await setup.DeliverToHubAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed"));

        Assert.True(await waiting);
    }

    /// <summary>Waits briefly until a wait ends without an arrival: what was in the folder before is then known to the waiter.</summary>
    private static async Task UntilNothingArrivesAsync(IArrivalWaiter waiter)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (!await waiter.WaitForArrivalAsync(TimeSpan.FromSeconds(1), Samples.Timeout()))
            {
                return;
            }
        }

        Assert.Fail("the waiter kept seeing new mail in a quiet mailbox");
    }

    private async Task MoveEverythingOutOfTheInboxAsync(HubMailboxSetup setup)
    {
        using var client = await servers.SignInAsync(setup.Hub, Samples.Timeout());
        var root = client.GetFolder(client.PersonalNamespaces[0])!;
        var elsewhere = await root.CreateAsync("Elsewhere", isMessageFolder: true, Samples.Timeout());
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite, Samples.Timeout());
        var all = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All, Samples.Timeout());
        Assert.NotEmpty(all);
        await client.Inbox.MoveToAsync(all, elsewhere!, Samples.Timeout());
        await client.DisconnectAsync(quit: true, Samples.Timeout());
    }

    private async Task<(HubMailboxSetup Setup, ISystemAdapter Adapter, MimeMessage Order, string Key)> SendOrderAsync(string replyFolder = "INBOX")
    {
        var setup = await HubMailboxSetup.CreateAsync(servers, replyFolder);
        var adapter = setup.System.CreateAdapter();
        var key = Samples.NewKey();
        return (setup, adapter, await setup.SendOrderAsync(adapter, key), key);
    }

    /// <summary>Files a reply straight into a folder, as a server-side rule of the hub's mailbox would.</summary>
    private async Task AppendToAsync(HubMailboxSetup setup, string folderName, MimeMessage reply)
    {
        using var client = await servers.SignInAsync(setup.Hub, Samples.Timeout());
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName, Samples.Timeout());
        }
        catch (FolderNotFoundException)
        {
            folder = (await client.GetFolder(client.PersonalNamespaces[0])!.CreateAsync(folderName, isMessageFolder: true, Samples.Timeout()))!;
        }

        await folder.AppendAsync(reply, MessageFlags.None, Samples.Timeout());
        await client.DisconnectAsync(quit: true, Samples.Timeout());
    }

    private async Task RecreateFolderAsync(HubMailboxSetup setup, string folderName)
    {
        using var client = await servers.SignInAsync(setup.Hub, Samples.Timeout());
        var folder = await client.GetFolderAsync(folderName, Samples.Timeout());
        await folder.OpenAsync(FolderAccess.ReadOnly, Samples.Timeout());
        var oldValidity = folder.UidValidity;
        await folder.CloseAsync(expunge: false, Samples.Timeout());
        await folder.DeleteAsync(Samples.Timeout());
        var root = client.GetFolder(client.PersonalNamespaces[0])!;
        var created = await root.CreateAsync(folderName, isMessageFolder: true, Samples.Timeout());
        await created!.OpenAsync(FolderAccess.ReadOnly, Samples.Timeout());
        Assert.NotEqual(oldValidity, created.UidValidity);
        await client.DisconnectAsync(quit: true, Samples.Timeout());
    }
}
