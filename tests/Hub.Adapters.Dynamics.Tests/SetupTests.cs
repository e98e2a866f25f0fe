using Hub.Adapters.Dynamics.Mapping;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class SetupTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Theory]
    [InlineData("BaseUrl", null, "Hub:Systems:facility:BaseUrl")]
    [InlineData("BaseUrl", "http://contoso.crm4.dynamics.com/", "Hub:Systems:facility:BaseUrl")]
    [InlineData("BaseUrl", "not a url", "Hub:Systems:facility:BaseUrl")]
    [InlineData("Authority", "http://127.0.0.1:1/", "Hub:Systems:facility:Authority")]
    [InlineData("TenantId", "", "Hub:Systems:facility:TenantId")]
    [InlineData("ClientId", null, "Hub:Systems:facility:ClientId")]
    [InlineData("ClientSecret", " ", "Hub:Systems:facility:ClientSecret")]
    [InlineData("CorrelationKeyColumn", "Hub Correlation", "Hub:Systems:facility:CorrelationKeyColumn")]
    [InlineData("MaxConcurrency", "60", "Hub:Systems:facility:MaxConcurrency")]
    [InlineData("RequestsPerFiveMinutes", "many", "Hub:Systems:facility:RequestsPerFiveMinutes")]
    [InlineData("PageSize", "6000", "Hub:Systems:facility:PageSize")]
    [InlineData("FirstPollLookback", "00:00:00", "Hub:Systems:facility:FirstPollLookback")]
    [InlineData("FirstPollLookback", "-1.00:00:00", "Hub:Systems:facility:FirstPollLookback")]
    [InlineData("FirstPollLookback", "a day", "Hub:Systems:facility:FirstPollLookback")]
    public void A_bad_setting_is_refused_with_its_full_key(string setting, string? value, string key)
    {
        var failure = Assert.Throws<HubConfigurationException>(() => rig.Create(new Dictionary<string, string?> { [setting] = value }));

        Assert.Equal(key, failure.Key);
        Assert.StartsWith(key + ": ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Simulator.ClientSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_refused_at_once_each_with_its_full_key_and_never_the_secret()
    {
        string[] bad = ["BaseUrl", "TenantId", "PageSize", "RequestsPerFiveMinutes"];

        var failure = Assert.Throws<HubConfigurationException>(() => rig.Create(new Dictionary<string, string?>
        {
            ["BaseUrl"] = "http://contoso.crm4.dynamics.com/", ["TenantId"] = "", ["PageSize"] = "6000", ["RequestsPerFiveMinutes"] = "many",
        }));

        foreach (var setting in bad)
        {
            Assert.Contains($"{DynamicsRig.Prefix}{setting}: ", failure.Message, StringComparison.Ordinal);
        }

        Assert.Contains(failure.Key, bad.Select(s => DynamicsRig.Prefix + s));
        Assert.DoesNotContain(rig.Simulator.ClientSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_authority_defaults_to_Entra_ID_and_the_column_to_hub_correlationid()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DynamicsRig.Prefix + "Adapter"] = "Dynamics",
            [DynamicsRig.Prefix + "BaseUrl"] = "https://contoso.crm4.dynamics.com",
            [DynamicsRig.Prefix + "TenantId"] = "contoso.onmicrosoft.com",
            [DynamicsRig.Prefix + "ClientId"] = "c",
            [DynamicsRig.Prefix + "ClientSecret"] = "s",
        }).Build();
        using var services = new ServiceCollection().AddDynamicsAdapter(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<DynamicsOptions>>().Get(DynamicsRig.SystemName);

        Assert.Equal(new Uri("https://login.microsoftonline.com/"), options.AuthorityUrl);
        Assert.Equal("hub_correlationid", options.CorrelationKeyColumn);
        Assert.Equal("https://contoso.crm4.dynamics.com/.default", options.Scope);
        Assert.Equal(new Uri("https://contoso.crm4.dynamics.com/api/data/v9.2/"), options.ApiUrl);
        Assert.Equal(52, options.MaxConcurrency);
        Assert.Equal(5700, options.RequestBudget);
    }

    [Fact]
    public void The_mapping_profile_is_valid()
    {
        var configuration = AdapterMapper.CreateConfiguration(null, NullLoggerFactory.Instance, new DynamicsProfile(new DynamicsOptions()));

        configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public async Task Health_is_good_when_the_alternate_key_is_active()
    {
        var health = await rig.CreateAdapter().CheckHealthAsync(DynamicsRig.Timeout);

        Assert.True(health.IsHealthy, health.Detail);
        Assert.Contains(rig.Simulator.AppUserId.ToString(), health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_alternate_key_makes_health_bad_and_tells_the_admin_how_to_create_it()
    {
        rig.Simulator.RemoveAlternateKey();

        var health = await rig.CreateAdapter().CheckHealthAsync(DynamicsRig.Timeout);

        Assert.False(health.IsHealthy);
        Assert.StartsWith("Hub:Systems:facility:CorrelationKeyColumn: ", health.Detail, StringComparison.Ordinal);
        Assert.Contains("Keys > New key", health.Detail, StringComparison.Ordinal);
        Assert.Contains("'hub_correlationid'", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alternate_key_still_being_built_is_reported_with_its_status()
    {
        rig.Simulator.RemoveAlternateKey(status: "Pending");

        var health = await rig.CreateAdapter().CheckHealthAsync(DynamicsRig.Timeout);

        Assert.False(health.IsHealthy);
        Assert.Contains("is Pending, not Active", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_calls_are_paused_after_repeated_failures_health_says_so_without_calling_Dynamics()
    {
        var adapter = rig.CreateAdapter(new Dictionary<string, string?>
        {
            ["Http:MaxRetries"] = "0", ["Http:CircuitMinimumThroughput"] = "2", ["Http:CircuitBreakDuration"] = "00:01:00",
        });
        rig.Simulator.FailNextRequests(1000);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout));
        }

        rig.Simulator.ClearFaults();
        var calls = rig.Simulator.DataverseRequests.Count;
        var health = await adapter.CheckHealthAsync(DynamicsRig.Timeout);

        Assert.False(health.IsHealthy);
        Assert.Contains("paused after repeated failures (circuit Open)", health.Detail, StringComparison.Ordinal);
        Assert.Equal(calls, rig.Simulator.DataverseRequests.Count);
    }

    [Fact]
    public void The_registration_answers_to_the_adapter_type_Dynamics()
    {
        var adapter = rig.CreateAdapter();

        Assert.Equal(DynamicsRig.SystemName, adapter.SystemName);
    }

    public void Dispose() => rig.Dispose();
}
