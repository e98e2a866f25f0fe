using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class SignInTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task The_hub_signs_in_with_client_credentials_for_the_org_and_reuses_the_token_while_it_is_valid()
    {
        var adapter = rig.CreateAdapter();

        await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        await adapter.ReadChangesAsync(null, DynamicsRig.Timeout);

        var tokenRequest = Assert.Single(rig.Simulator.TokenRequests);
        Assert.Equal($"{rig.Simulator.TenantId}/oauth2/v2.0/token", tokenRequest.PathAndQuery);
        var form = Uri.UnescapeDataString(tokenRequest.Body!);
        Assert.Contains("grant_type=client_credentials", form, StringComparison.Ordinal);
        Assert.Contains($"client_id={rig.Simulator.ClientId}", form, StringComparison.Ordinal);
        Assert.Contains($"scope={rig.Simulator.Url.ToString().TrimEnd('/')}/.default", form, StringComparison.Ordinal);
        Assert.All(rig.Simulator.DataverseRequests, r => Assert.StartsWith("Bearer sim.", r.Header("Authorization"), StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Simulator.DataverseRequests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task A_token_close_to_expiry_is_replaced_before_it_is_used()
    {
        rig.Simulator.TokenLifetime = TimeSpan.FromMinutes(4); // inside MSAL's five-minute refresh margin
        var adapter = rig.CreateAdapter();

        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);

        Assert.Equal(2, rig.Simulator.TokenRequests.Count);
        var tokensUsed = rig.Simulator.DataverseRequests.Select(r => r.Header("Authorization")).Distinct().Count();
        Assert.Equal(2, tokensUsed);
        Assert.DoesNotContain(rig.Simulator.DataverseRequests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task A_token_the_org_stops_accepting_is_replaced_once_and_the_request_sent_again()
    {
        var adapter = rig.CreateAdapter();
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        rig.Simulator.RevokeAccessTokens();

        var found = await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);

        Assert.Null(found);
        Assert.Equal(2, rig.Simulator.TokenRequests.Count);
        Assert.Equal([404, 401, 404], rig.Simulator.DataverseRequests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_a_permanent_failure_that_never_shows_the_secret()
    {
        const string wrongSecret = "this-is-the-wrong-secret-4711";
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["ClientSecret"] = wrongSecret });

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout));
        var health = await adapter.CheckHealthAsync(DynamicsRig.Timeout);

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("client secret", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AADSTS7000215", failure.Message, StringComparison.Ordinal);
        Assert.False(health.IsHealthy);
        Assert.DoesNotContain(wrongSecret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Logs.Lines, line => line.Contains(wrongSecret, StringComparison.Ordinal));
        Assert.Empty(rig.Simulator.DataverseRequests);
    }

    [Fact]
    public async Task Without_being_told_to_trust_it_the_simulated_token_endpoint_certificate_is_refused()
    {
        var adapter = rig.CreateAdapter(trustTokenEndpoint: false);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Empty(rig.Simulator.TokenRequests);
        Assert.Empty(rig.Simulator.DataverseRequests);
    }

    public void Dispose() => rig.Dispose();
}
