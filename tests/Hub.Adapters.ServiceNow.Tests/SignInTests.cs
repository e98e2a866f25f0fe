using Hub.Abstractions.Adapters;
using Hub.Simulators.ServiceNow;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>Basic and OAuth 2.0 sign-in: tokens kept while they last and renewed after, refusals that name the setting but never the secret.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task An_access_token_serves_until_it_nearly_expires_and_then_a_new_one_is_fetched()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var testbed = new ServiceNowTestbed(new ServiceNowSimulatorOptions { Time = clock });
        var adapter = testbed.CreateAdapter(oauth: true);

        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);
        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);
        var afterTwoReads = testbed.Simulator.TokensIssued;
        clock.Advance(TimeSpan.FromMinutes(29.5)); // the token lives 1,799 s; it is renewed a minute early
        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        Assert.Equal(1, afterTwoReads);
        Assert.Equal(2, testbed.Simulator.TokensIssued);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_and_the_request_goes_through()
    {
        using var testbed = new ServiceNowTestbed();
        var adapter = testbed.CreateAdapter(oauth: true);
        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        testbed.Simulator.RevokeTokens();
        var health = await adapter.CheckHealthAsync(ServiceNowTestbed.Timeout);

        Assert.True(health.IsHealthy, health.Detail);
        Assert.Equal(["client_credentials", "client_credentials"], testbed.Simulator.Grants);
    }

    [Fact]
    public async Task The_password_grant_is_renewed_with_its_refresh_token()
    {
        using var testbed = new ServiceNowTestbed();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?>
        {
            ["Authentication"] = "OAuthPassword", ["ClientId"] = testbed.Simulator.Options.ClientId, ["ClientSecret"] = testbed.Simulator.Options.ClientSecret,
        });
        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        testbed.Simulator.RevokeTokens();
        await adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout);

        Assert.Equal(["password", "refresh_token"], testbed.Simulator.Grants);
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_for_good_naming_its_key_and_not_the_secret()
    {
        using var testbed = new ServiceNowTestbed();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["ClientSecret"] = "not-the-secret-42" }, oauth: true);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("Hub:Systems:servicedesk:ClientSecret", failure.Message, StringComparison.Ordinal);
        Assert.Contains("glide.oauth.inbound.client.credential.grant_type.enabled", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-42", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_without_the_client_credentials_grant_refuses_the_hub_and_says_what_to_switch_on()
    {
        using var testbed = new ServiceNowTestbed(new ServiceNowSimulatorOptions { ClientCredentialsEnabled = false });
        var adapter = testbed.CreateAdapter(oauth: true);

        var health = await adapter.CheckHealthAsync(ServiceNowTestbed.Timeout);

        Assert.False(health.IsHealthy);
        Assert.Contains("glide.oauth.inbound.client.credential.grant_type.enabled", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_for_good_naming_its_key_and_not_the_password()
    {
        using var testbed = new ServiceNowTestbed();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Password"] = "wrong-password-77" });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(ServiceNowTestbed.CreateCommand(ServiceNowTestbed.NewKey()), ServiceNowTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("Hub:Systems:servicedesk:Password", failure.Message, StringComparison.Ordinal);
        Assert.Contains("User Not Authenticated", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-77", failure.ToString(), StringComparison.Ordinal);
    }
}
