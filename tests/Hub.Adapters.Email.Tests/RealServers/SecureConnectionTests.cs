using System.Globalization;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// Real mail servers are reached over TLS: STARTTLS (SMTP submission, IMAP 143) or TLS from the first byte (465, 993).
/// The test's Dovecot and Postfix present a self-signed certificate, which the hub accepts only when told to.
/// </summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class SecureConnectionTests(MailServers servers)
{
    [Theory]
    [InlineData("StartTls")]
    [InlineData("SslOnConnect")]
    public async Task Over_TLS_with_the_servers_certificate_trusted_a_work_order_goes_out_and_the_mailbox_is_read(string security)
    {
        var setup = await SecureSetupAsync(security, trustCertificate: true);
        var adapter = setup.System.CreateAdapter();
        var key = Samples.NewKey();

        await adapter.CreateAsync(Samples.BlockedToilet(key), Samples.Timeout());
        var health = await adapter.CheckHealthAsync(Samples.Timeout());
        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var arrived = await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.Headers["X-Hub-Correlation"] == key, Samples.Timeout());
        Assert.Equal(setup.Hub.Address, arrived.From.Mailboxes.Single().Address);
        Assert.True(health.IsHealthy, health.Detail);
        Assert.Empty(batch.Changes);
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("SslOnConnect")]
    public async Task A_certificate_the_machine_does_not_trust_is_refused_with_what_to_set(string security)
    {
        var setup = await SecureSetupAsync(security, trustCertificate: false);
        var adapter = setup.System.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout()));
        var health = await adapter.CheckHealthAsync(Samples.Timeout());

        Assert.Contains("does not trust", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:CertificateFile", failure.Message, StringComparison.Ordinal);
        Assert.False(health.IsHealthy);
        Assert.Contains("CN=mail.hub.test", health.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Hub.Password, failure.ToString(), StringComparison.Ordinal);
    }

    private async Task<HubMailboxSetup> SecureSetupAsync(string security, bool trustCertificate)
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var (smtpPort, imapPort) = security == "StartTls" ? (servers.SmtpPort, servers.ImapPort) : (servers.SmtpsPort, servers.ImapsPort);
        setup.System
            .Set("Smtp:Security", security).Set("Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture))
            .Set("Imap:Security", security).Set("Imap:Port", imapPort.ToString(CultureInfo.InvariantCulture))
            .Set("Smtp:CertificateFile", trustCertificate ? servers.CertificatePath : null)
            .Set("Imap:CertificateFile", trustCertificate ? servers.CertificatePath : null);
        return setup;
    }
}
