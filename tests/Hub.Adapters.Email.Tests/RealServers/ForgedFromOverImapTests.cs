using System.Net;
using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using MimeKit;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// A forged From cannot change a case: replies travel over SMTP through the real Postfix, which stamps them as the
/// hub's border server (<see cref="BorderVerdicts"/>), into the hub's mailbox on the real Dovecot, where the adapter
/// reads them over IMAP with <c>SenderAuthentication:Require = Dmarc</c> for that server's authserv-id.
/// </summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ForgedFromOverImapTests(MailServers servers)
{
    [Fact]
    public async Task A_reply_from_the_contractors_own_server_that_the_border_passed_for_DMARC_resolves_the_case()
    {
        var (setup, adapter, order) = await SendOrderAsync();
        var reply = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed, afvoer ontstopt");
        var delivered = await setup.DeliverToHubAsync(reply, BorderVerdicts.ContractorServer);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Equal([BorderVerdicts.Pass], AuthenticationResultsOf(delivered));
        var change = Assert.Single(batch.Changes);
        Assert.Equal(ChangeKind.Resolved, change.Kind);
        Assert.Equal(reply.MessageId, change.Version);
        Assert.Empty(setup.System.Journal.Recorded);
    }

    [Fact]
    public async Task A_forged_From_with_the_orders_token_that_failed_DMARC_at_the_border_changes_nothing_and_says_why()
    {
        var (setup, adapter, order) = await SendOrderAsync();
        var forged = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed", threaded: false);
        var delivered = await setup.DeliverToHubAsync(forged, BorderVerdicts.Outsider);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Equal([BorderVerdicts.Fail], AuthenticationResultsOf(delivered));
        Assert.Empty(batch.Changes);
        await AssertSetAsideAsync(setup, forged,
            $"From {setup.Contractor.Address} not authenticated: dmarc=fail (p=reject dis=none) header.from={BorderVerdicts.ContractorDomain} by {BorderVerdicts.AuthServId}");
    }

    [Fact]
    public async Task A_reply_the_border_server_did_not_stamp_changes_nothing_and_says_why()
    {
        var (setup, adapter, order) = await SendOrderAsync();
        var unstamped = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed", threaded: false);
        var delivered = await setup.DeliverToHubAsync(unstamped, IPAddress.Loopback);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Empty(AuthenticationResultsOf(delivered));
        Assert.Empty(batch.Changes);
        await AssertSetAsideAsync(setup, unstamped,
            $"From {setup.Contractor.Address} not authenticated: no Authentication-Results header by {BorderVerdicts.AuthServId}");
    }

    [Fact]
    public async Task A_pass_the_forger_wrote_himself_with_the_border_servers_id_under_its_real_fail_changes_nothing()
    {
        var (setup, adapter, order) = await SendOrderAsync();
        var forged = ContractorMail.ReplyTo(order, setup.Contractor.Address, "gereed", threaded: false);
        var forgedPass = $"{BorderVerdicts.AuthServId}; dmarc=pass (p=reject dis=none) header.from={BorderVerdicts.ContractorDomain}";
        forged.Headers.Insert(0, new Header(HeaderId.AuthenticationResults, forgedPass));
        var delivered = await setup.DeliverToHubAsync(forged, BorderVerdicts.Outsider);

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Equal([BorderVerdicts.Fail, "Authentication-Results: " + forgedPass], AuthenticationResultsOf(delivered));
        Assert.Empty(batch.Changes);
        await AssertSetAsideAsync(setup, forged,
            $"From {setup.Contractor.Address} not authenticated: dmarc=fail (p=reject dis=none) header.from={BorderVerdicts.ContractorDomain} by {BorderVerdicts.AuthServId}");
    }

    private async Task<(HubMailboxSetup Setup, ISystemAdapter Adapter, MimeMessage Order)> SendOrderAsync()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.Set("SenderAuthentication:Require", "Dmarc").Set("SenderAuthentication:AuthServId", BorderVerdicts.AuthServId);
        var adapter = setup.System.CreateAdapter();
        return (setup, adapter, await setup.SendOrderAsync(adapter, Samples.NewKey()));
    }

    /// <summary>The mail's Authentication-Results headers, top to bottom, each on one line with single spaces.</summary>
    private static List<string> AuthenticationResultsOf(MimeMessage delivered) =>
        [.. delivered.Headers.Where(h => h.Id == HeaderId.AuthenticationResults).Select(h => $"{h.Field}: {string.Join(' ', h.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}")];

    private async Task AssertSetAsideAsync(HubMailboxSetup setup, MimeMessage reply, string detail)
    {
        Assert.Contains(reply.MessageId, await servers.MessageIdsInAsync(setup.Hub, "Hub/Quarantine", Samples.Timeout()));
        Assert.DoesNotContain(reply.MessageId, await servers.MessageIdsInAsync(setup.Hub, "INBOX", Samples.Timeout()));
        var reported = Assert.Single(setup.System.Journal.Recorded);
        Assert.Equal(IgnoredMailReason.Unauthenticated, reported.Reason);
        Assert.True(reported.Quarantined);
        Assert.Equal(reply.MessageId, reported.MessageId);
        Assert.StartsWith($"from {setup.Contractor.Address}: ", reported.Detail, StringComparison.Ordinal); // the journal's text: sender, subject, reason
        Assert.EndsWith(" — " + detail, reported.Detail, StringComparison.Ordinal);
    }
}
