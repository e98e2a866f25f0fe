using System.Globalization;
using System.Net;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using MimeKit;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>A hub mailbox and a contractor mailbox on the real servers, and the e-mail system configured for them.</summary>
internal sealed record HubMailboxSetup(MailServers Servers, TestMailbox Hub, TestMailbox Contractor, EmailSystem System)
{
    public static async Task<HubMailboxSetup> CreateAsync(MailServers servers, string replyFolder = "INBOX")
    {
        var (hub, contractor) = await servers.NewHubAndContractorAsync("plumber");
        var system = new EmailSystem()
            .Set("From", hub.Address)
            .Set("Smtp:Host", MailServers.Host)
            .Set("Smtp:Port", servers.SmtpPort.ToString(CultureInfo.InvariantCulture))
            .Set("Smtp:Security", "None")
            .Set("Smtp:Username", hub.Address)
            .Set("Smtp:Password", hub.Password)
            .Set("Imap:Host", MailServers.Host)
            .Set("Imap:Port", servers.ImapPort.ToString(CultureInfo.InvariantCulture))
            .Set("Imap:Security", "None")
            .Set("Imap:Username", hub.Address)
            .Set("Imap:Password", hub.Password)
            .Set("Imap:Folder", replyFolder)
            .Set("ProcessedFolder", "Hub/Processed")
            .Set("QuarantineFolder", "Hub/Quarantine");
        system.Contractors.Add(Samples.Plumber(contractor.Address));
        return new HubMailboxSetup(servers, hub, contractor, system);
    }

    /// <summary>Has the adapter send a work order for a new case and waits until it lies in the contractor's mailbox.</summary>
    public async Task<MimeMessage> SendOrderAsync(ISystemAdapter adapter, string key)
    {
        await adapter.CreateAsync(Samples.BlockedToilet(key), Samples.Timeout());
        return await Servers.WaitForMailAsync(Contractor, "INBOX", m => m.Headers["X-Hub-Correlation"] == key, Samples.Timeout());
    }

    /// <summary>Sends a reply through Postfix (from loopback unless told: see <see cref="BorderVerdicts"/>) and returns it as it arrived in the hub's mailbox.</summary>
    public async Task<MimeMessage> DeliverToHubAsync(MimeMessage reply, IPAddress? from = null)
    {
        await Servers.SendAsync(reply, Samples.Timeout(), from);
        return await Servers.WaitForMailAsync(Hub, "INBOX", m => m.MessageId == reply.MessageId, Samples.Timeout());
    }
}
