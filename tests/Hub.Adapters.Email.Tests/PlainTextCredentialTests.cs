using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests;

public sealed class PlainTextCredentialTests
{
    private static EmailSystem MailSystem(string smtpHost = "smtp.facility.example", string imapHost = "imap.facility.example") => new EmailSystem()
        .Set("From", "hub@facility.example")
        .Set("Smtp:Host", smtpHost).Set("Smtp:Port", "587").Set("Smtp:Security", "StartTls")
        .Set("Smtp:Username", "hub@facility.example").Set("Smtp:Password", "smtp-secret-1")
        .Set("Imap:Host", imapHost).Set("Imap:Port", "993").Set("Imap:Security", "SslOnConnect")
        .Set("Imap:Username", "hub@facility.example").Set("Imap:Password", "imap-secret-2");

    [Theory]
    [InlineData("Smtp")]
    [InlineData("Imap")]
    public void A_password_over_an_unencrypted_connection_to_another_host_stops_the_start_naming_the_key_and_the_opt_in(string server)
    {
        var failure = Assert.Throws<HubConfigurationException>(() => MailSystem().Set($"{server}:Security", "None").CreateAdapter());

        Assert.Equal($"Hub:Systems:contractor:{server}:Security", failure.Key);
        Assert.Contains("Hub:Systems:contractor:AllowPlainTextCredentials=true", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OAuth2_token_over_an_unencrypted_connection_to_another_host_stops_the_start()
    {
        var failure = Assert.Throws<HubConfigurationException>(() => MailSystem()
            .Set("Auth", "OAuth2").Set("Smtp:Password", "").Set("Imap:Password", "")
            .Set("OAuth2:TenantId", "tenant").Set("OAuth2:ClientId", "client").Set("OAuth2:ClientSecret", "oauth-secret-3")
            .Set("Imap:Security", "None").CreateAdapter());

        Assert.Equal("Hub:Systems:contractor:Imap:Security", failure.Key);
        Assert.Contains("Hub:Systems:contractor:AllowPlainTextCredentials=true", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void A_password_over_an_unencrypted_connection_to_loopback_is_accepted(string host)
    {
        var adapter = MailSystem(host, host).Set("Smtp:Security", "None").Set("Imap:Security", "None").CreateAdapter();

        Assert.Equal(EmailSystem.SystemName, adapter.SystemName);
    }

    [Fact]
    public void A_relay_without_sign_in_may_be_unencrypted()
    {
        var adapter = MailSystem().Set("Smtp:Security", "None").Set("Smtp:Username", "").Set("Smtp:Password", "").CreateAdapter();

        Assert.Equal(EmailSystem.SystemName, adapter.SystemName);
    }

    [Fact]
    public void A_password_over_an_unencrypted_connection_to_another_host_is_accepted_when_plain_text_credentials_are_allowed()
    {
        var adapter = MailSystem().Set("Smtp:Security", "None").Set("Imap:Security", "None")
            .Set("AllowPlainTextCredentials", "true").CreateAdapter();

        Assert.Equal(EmailSystem.SystemName, adapter.SystemName);
    }
}
