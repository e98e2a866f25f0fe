using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;

namespace Hub.Adapters.Email.Tests.RealServers;

[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class OAuth2SignInTests(MailServers servers)
{
    private const string Tenant = "contoso-tenant";

    [Fact]
    public async Task With_OAuth2_the_hub_sends_and_reads_with_an_XOAUTH2_token_from_client_credentials()
    {
        var setup = await OAuth2SetupAsync("app-secret-" + Guid.NewGuid().ToString("N")[..6], register: true);
        var adapter = setup.System.CreateAdapter();
        var key = Samples.NewKey();

        await adapter.CreateAsync(Samples.BlockedToilet(key), Samples.Timeout());
        var health = await adapter.CheckHealthAsync(Samples.Timeout());

        var arrived = await servers.WaitForMailAsync(setup.Contractor, "INBOX", m => m.Headers["X-Hub-Correlation"] == key, Samples.Timeout());
        Assert.Equal(setup.Hub.Address, arrived.From.Mailboxes.Single().Address);
        Assert.True(health.IsHealthy, health.Detail);
    }

    [Fact]
    public async Task A_client_secret_the_identity_provider_refuses_is_a_permanent_failure_that_does_not_reveal_it()
    {
        var setup = await OAuth2SetupAsync("expired-secret-0815", register: false);
        var adapter = setup.System.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout()));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("client id or secret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-secret-0815", failure.ToString(), StringComparison.Ordinal);
    }

    private async Task<HubMailboxSetup> OAuth2SetupAsync(string secret, bool register)
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var clientId = Guid.NewGuid().ToString();
        if (register)
        {
            servers.Identity.Register(Tenant, clientId, secret, setup.Hub.Address);
        }

        setup.System.Set("Auth", "OAuth2").Set("Smtp:Password", "").Set("Imap:Password", "")
            .Set("OAuth2:Authority", servers.Identity.Authority)
            .Set("OAuth2:TenantId", Tenant)
            .Set("OAuth2:ClientId", clientId)
            .Set("OAuth2:ClientSecret", secret);
        setup.System.ExtraServices.AddSingleton<IMsalHttpClientFactory, TrustingTestCertificate>();
        return setup;
    }

    /// <summary>The loopback identity provider has a self-signed certificate; only this test trusts it.</summary>
    private sealed class TrustingTestCertificate : IMsalHttpClientFactory, IDisposable
    {
        private readonly HttpClient client = new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        public HttpClient GetHttpClient() => client;

        public void Dispose() => client.Dispose();
    }
}
