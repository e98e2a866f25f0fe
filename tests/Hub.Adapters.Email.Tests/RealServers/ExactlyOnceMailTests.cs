using System.Globalization;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using MimeKit;
using MimeKit.Utils;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// Mail has no idempotent send: once Postfix has answered 250 the mail is on its way, whatever the hub manages to
/// write down afterwards. These tests kill the hub in exactly that window (the write that records the mail as sent
/// never lands), restart it over the state it had, let the outbox retry the command, and count what the contractor got.
/// </summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ExactlyOnceMailTests(MailServers servers)
{
    private const int Orders = 20;

    [Fact]
    public async Task A_work_order_the_server_took_just_before_the_hub_died_is_not_sent_again_after_the_restart()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var sent = new List<string>();

        for (var i = 0; i < Orders; i++)
        {
            var command = Samples.BlockedToilet(Samples.NewKey(), $"Lekkage {i}");
            await DieAfterTheServerTookItAsync(setup, adapter => adapter.CreateAsync(command, Samples.Timeout()));
            var created = await setup.System.CreateAdapter().CreateAsync(command, Samples.Timeout());
            sent.Add(created.Version!);
        }

        var delivered = await DeliveredToContractorAsync(setup, sent);
        AssertEachExactlyOnce(sent, delivered);
    }

    [Fact]
    public async Task A_follow_up_and_a_cancellation_the_server_took_just_before_the_hub_died_are_not_sent_again_after_the_restart()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var order = await setup.System.CreateAdapter().CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var commands = Enumerable.Range(0, 5)
            .Select(i => Comment(order, $"Sleutel {i} ligt bij de receptie."))
            .Append(new ApplyChangeCommand { CaseId = "HUB-1", ExternalId = order.ExternalId, Kind = ChangeKind.Cancelled })
            .ToList();

        foreach (var command in commands)
        {
            await DieAfterTheServerTookItAsync(setup, adapter => adapter.ApplyAsync(command, Samples.Timeout()));
            await setup.System.CreateAdapter().ApplyAsync(command, Samples.Timeout());
        }

        await WaitForSentinelAsync(setup);
        var mails = await MailsInContractorInboxAsync(setup);
        Assert.Equal(5, mails.Count(m => m.Headers["X-Hub-Mail-Kind"] == "follow-up"));
        Assert.Equal(1, mails.Count(m => m.Headers["X-Hub-Mail-Kind"] == "cancellation"));
        Assert.Equal(7, mails.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count(id => id != null && !id.StartsWith("sentinel", StringComparison.Ordinal)));
        Assert.All(mails.GroupBy(m => m.MessageId), group => Assert.Single(group));
    }

    [Fact]
    public async Task A_work_order_the_hub_died_handing_over_before_the_server_took_it_is_sent_by_the_retry()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.Set("SentCopyWait", "00:00:02");
        var command = Samples.BlockedToilet(Samples.NewKey());

        await DieAsync(setup, HubDiesBeforeRecordingSent.WhileHandingOver, adapter => adapter.CreateAsync(command, Samples.Timeout()));
        var created = await setup.System.CreateAdapter().CreateAsync(command, Samples.Timeout());

        var delivered = await DeliveredToContractorAsync(setup, [created.Version!]);
        AssertEachExactlyOnce([created.Version!], delivered);
    }

    [Fact]
    public async Task A_work_order_a_follow_up_and_a_cancellation_whose_250_was_lost_are_each_delivered_once()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        await using var proxy = new SmtpProxyThatLosesAnswers(servers.SmtpPort);
        setup.System.Set("Smtp:Port", proxy.Port.ToString(CultureInfo.InvariantCulture));
        var adapter = setup.System.CreateAdapter();
        var command = Samples.BlockedToilet(Samples.NewKey());

        var order = await RetriedAfterALostAnswerAsync(proxy, () => adapter.CreateAsync(command, Samples.Timeout()));
        await RetriedAfterALostAnswerAsync(proxy, () => adapter.ApplyAsync(Comment(order, "Graag vóór 12:00."), Samples.Timeout()));
        await RetriedAfterALostAnswerAsync(proxy, () => adapter.ApplyAsync(
            new ApplyChangeCommand { CaseId = "HUB-1", ExternalId = order.ExternalId, Kind = ChangeKind.Cancelled }, Samples.Timeout()));

        Assert.Equal(3, proxy.Lost);
        await WaitForSentinelAsync(setup);
        var mails = await MailsInContractorInboxAsync(setup);
        Assert.Single(mails, m => m.Headers["X-Hub-Mail-Kind"] == "work-order");
        Assert.Single(mails, m => m.Headers["X-Hub-Mail-Kind"] == "follow-up");
        Assert.Single(mails, m => m.Headers["X-Hub-Mail-Kind"] == "cancellation");
    }

    /// <summary>The first try fails as a lost answer does (a transient failure); the outbox retries the same command.</summary>
    private static async Task<T> RetriedAfterALostAnswerAsync<T>(SmtpProxyThatLosesAnswers proxy, Func<Task<T>> command)
    {
        proxy.LoseNextAnswer();
        var failure = await Assert.ThrowsAsync<AdapterException>(command);
        Assert.Equal(FailureKind.Transient, failure.Kind);
        return await command();
    }

    private static Task<bool> RetriedAfterALostAnswerAsync(SmtpProxyThatLosesAnswers proxy, Func<Task> command) =>
        RetriedAfterALostAnswerAsync(proxy, async () =>
        {
            await command();
            return true;
        });

    /// <summary>Runs one command on a hub whose adapter state dies when it records that the server took the mail.</summary>
    private static Task DieAfterTheServerTookItAsync(HubMailboxSetup setup, Func<ISystemAdapter, Task> command) =>
        DieAsync(setup, HubDiesBeforeRecordingSent.WhenRecordingSent, command);

    private static async Task DieAsync(HubMailboxSetup setup, Func<string, bool> dyingWrite, Func<ISystemAdapter, Task> command)
    {
        var dying = new HubDiesBeforeRecordingSent(setup.System.State, dyingWrite);
        setup.System.StateInFront = dying;
        try
        {
            var adapter = setup.System.CreateAdapter();
            await Assert.ThrowsAsync<HubKilledException>(() => command(adapter));
            Assert.True(dying.Died);
        }
        finally
        {
            setup.System.StateInFront = null;
        }
    }

    private async Task<IReadOnlyList<string>> DeliveredToContractorAsync(HubMailboxSetup setup, IReadOnlyList<string> expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!expected.All((await servers.MessageIdsInAsync(setup.Contractor, "INBOX", timeout.Token)).Contains))
        {
            await Task.Delay(200, timeout.Token);
        }

        await WaitForSentinelAsync(setup);
        return await servers.MessageIdsInAsync(setup.Contractor, "INBOX", Samples.Timeout());
    }

    /// <summary>
    /// A second copy of a mail is queued right after the first; a sentinel sent after everything, plus a moment,
    /// gives Postfix time to deliver whatever it still holds before the mailbox is counted.
    /// </summary>
    private async Task WaitForSentinelAsync(HubMailboxSetup setup)
    {
        var sentinel = new MimeMessage { Subject = "sentinel", MessageId = "sentinel." + MimeUtils.GenerateMessageId("test.example") };
        sentinel.From.Add(MailboxAddress.Parse("tester@test.example"));
        sentinel.To.Add(MailboxAddress.Parse(setup.Contractor.Address));
        sentinel.Body = new TextPart("plain") { Text = "end of test" };
        await servers.SendAsync(sentinel, Samples.Timeout());
        await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.MessageId == sentinel.MessageId, Samples.Timeout());
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private async Task<List<MimeMessage>> MailsInContractorInboxAsync(HubMailboxSetup setup)
    {
        using var client = await servers.SignInAsync(setup.Contractor, Samples.Timeout());
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, Samples.Timeout());
        var mails = new List<MimeMessage>();
        for (var i = 0; i < client.Inbox.Count; i++)
        {
            mails.Add(await client.Inbox.GetMessageAsync(i, Samples.Timeout()));
        }

        await client.DisconnectAsync(quit: true, Samples.Timeout());
        return mails;
    }

    private static void AssertEachExactlyOnce(List<string> sent, IReadOnlyList<string> delivered)
    {
        var copies = sent.ToDictionary(id => id, id => delivered.Count(d => d == id), StringComparer.Ordinal);
        var twice = copies.Where(kv => kv.Value != 1).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} ×{kv.Value}")).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} of {sent.Count} mails did not arrive exactly once: {string.Join(", ", twice)}");
    }

    private static ApplyChangeCommand Comment(RecordReference order, string text) => new()
    {
        CaseId = "HUB-1",
        ExternalId = order.ExternalId,
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment(text, IsPublic: true, Author: "servicedesk"),
    };
}
