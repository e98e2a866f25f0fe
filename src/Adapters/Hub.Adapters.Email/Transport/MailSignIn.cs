using Hub.Adapters.Email.Options;
using MailKit;
using MailKit.Security;
using Microsoft.Identity.Client;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Connects to a mail server as configured (plain, STARTTLS or TLS) and signs in with a password or, for
/// Microsoft 365, with XOAUTH2 and an app token from Entra ID client credentials (cached by MSAL until it expires).
/// </summary>
internal sealed class MailSignIn
{
    private readonly EmailOptions options;
    private readonly IConfidentialClientApplication? tokenClient;
    private readonly ServerCertificateTrust smtpTrust;
    private readonly ServerCertificateTrust imapTrust;

    /// <param name="httpClientFactory">How MSAL reaches the token endpoint (a proxy, say); null: MSAL's own client.</param>
    public MailSignIn(EmailOptions options, IMsalHttpClientFactory? httpClientFactory)
    {
        this.options = options;
        smtpTrust = TrustOf(options.Smtp);
        imapTrust = TrustOf(options.Imap);
        if (options.Auth == MailAuthMode.OAuth2)
        {
            // The authority is configured explicitly, so MSAL need not look it up in Microsoft's instance list.
            var builder = ConfidentialClientApplicationBuilder.Create(options.OAuth2.ClientId)
                .WithClientSecret(options.OAuth2.ClientSecret)
                .WithAuthority($"{options.OAuth2.Authority.TrimEnd('/')}/{options.OAuth2.TenantId}")
                .WithInstanceDiscovery(false);
            tokenClient = (httpClientFactory is null ? builder : builder.WithHttpClientFactory(httpClientFactory)).Build();
        }
    }

    public async Task ConnectAsync(MailService client, MailServerOptions server, CancellationToken cancellationToken)
    {
        client.Timeout = (int)server.Timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = TrustFor(server).Callback;
        await client.ConnectAsync(server.Host, server.Port, ToSocketOptions(server.Security), cancellationToken);
        if (string.IsNullOrWhiteSpace(server.Username))
        {
            return;
        }

        if (tokenClient is null)
        {
            await client.AuthenticateAsync(server.Username, server.Password, cancellationToken);
            return;
        }

        var token = await tokenClient.AcquireTokenForClient([options.OAuth2.Scope]).ExecuteAsync(cancellationToken);
        await client.AuthenticateAsync(new SaslMechanismOAuth2(server.Username, token.AccessToken), cancellationToken);
    }

    private ServerCertificateTrust TrustFor(MailServerOptions server) =>
        ReferenceEquals(server, options.Smtp) ? smtpTrust : ReferenceEquals(server, options.Imap) ? imapTrust : ServerCertificateTrust.MachineOnly;

    private static ServerCertificateTrust TrustOf(MailServerOptions server) =>
        string.IsNullOrWhiteSpace(server.CertificateFile) ? ServerCertificateTrust.MachineOnly : ServerCertificateTrust.AlsoFile(server.CertificateFile);

    private static SecureSocketOptions ToSocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
