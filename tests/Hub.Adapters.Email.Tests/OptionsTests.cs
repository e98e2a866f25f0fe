using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests;

public sealed class OptionsTests
{
    private static EmailSystem MailSystem() => new EmailSystem()
        .Set("From", "hub@facility.example")
        .Set("Smtp:Host", "smtp.facility.example").Set("Smtp:Port", "587").Set("Smtp:Security", "StartTls")
        .Set("Smtp:Username", "hub@facility.example").Set("Smtp:Password", "smtp-secret-1")
        .Set("Imap:Host", "imap.facility.example").Set("Imap:Port", "993").Set("Imap:Security", "SslOnConnect")
        .Set("Imap:Username", "hub@facility.example").Set("Imap:Password", "imap-secret-2");

    [Fact]
    public void Complete_mail_settings_make_an_adapter_named_after_its_system()
    {
        var adapter = MailSystem().CreateAdapter();

        Assert.Equal(EmailSystem.SystemName, adapter.SystemName);
        Assert.IsAssignableFrom<IArrivalWaiter>(adapter);
    }

    [Theory]
    [InlineData("From", "", "Hub:Systems:contractor:From")]
    [InlineData("From", "not an address", "Hub:Systems:contractor:From")]
    [InlineData("Imap:Host", "", "Hub:Systems:contractor:Imap:Host")]
    [InlineData("Smtp:Port", "0", "Hub:Systems:contractor:Smtp:Port")]
    [InlineData("Imap:Password", "", "Hub:Systems:contractor:Imap:Password")]
    [InlineData("MaxMessageBytes", "10", "Hub:Systems:contractor:MaxMessageBytes")]
    [InlineData("SentCopyTo", "not an address", "Hub:Systems:contractor:SentCopyTo")]
    [InlineData("SentCopyFolder", " ", "Hub:Systems:contractor:SentCopyFolder")]
    [InlineData("SentCopyWait", "00:00:00", "Hub:Systems:contractor:SentCopyWait")]
    [InlineData("SentCopyWait", "01:00:00", "Hub:Systems:contractor:SentCopyWait")]
    public void A_wrong_setting_stops_the_start_with_its_full_key(string setting, string value, string key)
    {
        var failure = Assert.Throws<HubConfigurationException>(() => MailSystem().Set(setting, value).CreateAdapter());

        Assert.Equal(key, failure.Key);
        Assert.StartsWith(key + ":", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_setting_is_refused_at_once_each_with_its_full_key_and_never_a_password()
    {
        var failure = Assert.Throws<HubConfigurationException>(() => MailSystem()
            .Set("From", "").Set("Smtp:Port", "port").Set("SentCopyWait", "01:00:00").Set("Imap:Security", "None")
            .CreateAdapter());

        foreach (var setting in new[] { "From", "Smtp:Port", "SentCopyWait", "Imap:Security" })
        {
            Assert.Contains($"Hub:Systems:contractor:{setting}: ", failure.Message, StringComparison.Ordinal);
        }

        Assert.Equal(4, failure.Problems.Count);
        Assert.DoesNotContain("smtp-secret-1", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("imap-secret-2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sent_copy_goes_to_the_reply_mailbox_by_default_and_off_turns_it_off()
    {
        var defaults = MailSystem().Set("ReplyTo", "replies@facility.example").Context().OptionsOf<Hub.Adapters.Email.Options.EmailOptions>();
        var off = MailSystem().Set("SentCopyTo", "off").Set("SentCopyFolder", "").Context().OptionsOf<Hub.Adapters.Email.Options.EmailOptions>();

        Assert.Equal("replies@facility.example", defaults.SentCopyAddress);
        Assert.Equal("Hub/Sent", defaults.SentCopyFolder);
        Assert.Equal(TimeSpan.FromSeconds(15), defaults.SentCopyWait);
        Assert.Null(off.SentCopyAddress);
    }

    [Fact]
    public void A_server_certificate_file_that_is_missing_not_a_certificate_or_useless_without_TLS_is_refused_by_its_key()
    {
        var notACertificate = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notACertificate, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

            var missing = Assert.Throws<HubConfigurationException>(() => MailSystem().Set("Smtp:CertificateFile", "/nowhere/mail.pem").CreateAdapter());
            var garbage = Assert.Throws<HubConfigurationException>(() => MailSystem().Set("Imap:CertificateFile", notACertificate).CreateAdapter());
            var plain = Assert.Throws<HubConfigurationException>(() => MailSystem().Set("Smtp:Security", "None").Set("Smtp:CertificateFile", notACertificate).CreateAdapter());

            Assert.Equal("Hub:Systems:contractor:Smtp:CertificateFile", missing.Key);
            Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
            Assert.Equal("Hub:Systems:contractor:Imap:CertificateFile", garbage.Key);
            Assert.Contains("not a certificate file", garbage.Message, StringComparison.Ordinal);
            Assert.Equal("Hub:Systems:contractor:Smtp:CertificateFile", plain.Key);
            Assert.Contains("Security is None", plain.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notACertificate);
        }
    }

    [Fact]
    public void An_unknown_security_mode_is_refused_with_the_choices()
    {
        var failure = Assert.Throws<HubConfigurationException>(() => MailSystem().Set("Smtp:Security", "Tls13Please").CreateAdapter());

        Assert.Contains("Hub:Systems:contractor", failure.Message, StringComparison.Ordinal);
        Assert.Contains("StartTls", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OAuth2_needs_the_app_registration_and_no_password_and_never_shows_a_secret()
    {
        var system = MailSystem().Set("Auth", "OAuth2").Set("Smtp:Password", "").Set("Imap:Password", "")
            .Set("OAuth2:TenantId", "contoso.onmicrosoft.com").Set("OAuth2:ClientId", "11111111-2222-3333-4444-555555555555");

        var failure = Assert.Throws<HubConfigurationException>(system.CreateAdapter);
        system.Set("OAuth2:ClientSecret", "entra-secret-3");
        var adapter = system.CreateAdapter();

        Assert.Equal("Hub:Systems:contractor:OAuth2:ClientSecret", failure.Key);
        Assert.Equal(EmailSystem.SystemName, adapter.SystemName);
    }

    [Fact]
    public void The_directory_transport_needs_its_four_folders()
    {
        var failure = Assert.Throws<HubConfigurationException>(() => new EmailSystem()
            .Set("From", "hub@facility.example").Set("Transport", "Directory")
            .Set("Directory:Outbox", "/tmp/o").Set("Directory:Inbox", "/tmp/i").Set("Directory:Processed", "/tmp/p")
            .CreateAdapter());

        Assert.Equal("Hub:Systems:contractor:Directory:Quarantine", failure.Key);
    }
}
