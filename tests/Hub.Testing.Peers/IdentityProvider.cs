using System.Net;
using Hub.Simulators;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.Testing.Peers;

/// <summary>
/// An OAuth2 identity provider on loopback, shaped like Entra ID: a client-credentials token endpoint over
/// HTTPS ("{authority}/{tenant}/oauth2/v2.0/token") and a token introspection endpoint (RFC 7662) that the
/// test's Dovecot asks whether an XOAUTH2 token is good and whose mailbox it opens.
/// </summary>
public sealed class IdentityProvider : IDisposable
{
    private readonly WireMockServer tokens = WireMockServer.Start(new WireMockServerSettings
    {
        UseSSL = true,
        CertificateSettings = new WireMockCertificateSettings { X509Certificate = LoopbackCertificate.Create("Test identity provider", "localhost", TimeProvider.System) },
    });
    private readonly WireMockServer introspection = WireMockServer.Start();

    public IdentityProvider()
    {
        tokens.Given(Request.Create().WithPath(new WildcardMatcher("/*/oauth2/v2.0/token")).UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.Unauthorized)
                .WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }));
        introspection.Given(Request.Create().WithPath("/introspect").UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { active = false }));
    }

    /// <summary>Token endpoint base, like "https://login.microsoftonline.com/".</summary>
    public string Authority => tokens.Url + "/";

    public string IntrospectionUrl => introspection.Url + "/introspect";

    /// <summary>Lets one app registration (client id + secret) get a token that opens the given mailbox.</summary>
    public void Register(string tenant, string clientId, string clientSecret, string mailbox)
    {
        var accessToken = "at-" + Guid.NewGuid().ToString("N");
        tokens.Given(Request.Create().WithPath($"/{tenant}/oauth2/v2.0/token").UsingPost()
                .WithBody(body => body is not null
                                  && body.Contains("client_id=" + Uri.EscapeDataString(clientId), StringComparison.Ordinal)
                                  && body.Contains("client_secret=" + Uri.EscapeDataString(clientSecret), StringComparison.Ordinal)
                                  && body.Contains("grant_type=client_credentials", StringComparison.Ordinal)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = accessToken }));
        introspection.Given(Request.Create().WithPath("/introspect").UsingPost()
                .WithBody(body => body is not null && body.Contains(accessToken, StringComparison.Ordinal)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { active = true, username = mailbox }));
    }

    public void Dispose()
    {
        tokens.Stop();
        introspection.Stop();
        tokens.Dispose();
        introspection.Dispose();
    }
}
