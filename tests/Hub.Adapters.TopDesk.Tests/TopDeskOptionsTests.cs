using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskOptionsTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();

    [Theory]
    [InlineData("BaseUrl", "")]
    [InlineData("BaseUrl", "acme.topdesk.net")]
    [InlineData("Username", "")]
    [InlineData("ApplicationPassword", " ")]
    [InlineData("PageSize", "0")]
    [InlineData("PageSize", "10001")]
    [InlineData("PollOverlap", "-00:01:00")]
    [InlineData("Line", "thirdLine")]
    [InlineData("ProgressReadConcurrency", "0")]
    [InlineData("ProgressReadConcurrency", "17")]
    public void A_wrong_setting_is_refused_with_its_full_key(string setting, string value)
    {
        var error = Assert.Throws<HubConfigurationException>(() =>
            testbed.CreateAdapter(new Dictionary<string, string?> { [setting] = value }));

        Assert.Equal($"Hub:Systems:servicedesk:{setting}", error.Key);
        Assert.StartsWith($"Hub:Systems:servicedesk:{setting}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_of_the_wrong_form_names_the_system_and_never_echoes_the_password()
    {
        var settings = testbed.Settings(new Dictionary<string, string?> { ["PageSize"] = "veel" });
        var error = Assert.Throws<HubConfigurationException>(() => TopDeskTestbed.Create(settings));

        Assert.Contains("Hub:Systems:servicedesk", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(testbed.Simulator.ApplicationPassword, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_setting_is_refused_at_once_each_with_its_full_key_and_never_the_password()
    {
        string[] wrong = ["Username", "PageSize", "Line", "ProgressReadConcurrency"];

        var error = Assert.Throws<HubConfigurationException>(() => testbed.CreateAdapter(new Dictionary<string, string?>
        {
            ["Username"] = " ", ["PageSize"] = "veel", ["Line"] = "thirdLine", ["ProgressReadConcurrency"] = "17",
        }));

        foreach (var setting in wrong)
        {
            Assert.Contains($"Hub:Systems:servicedesk:{setting}: ", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains(error.Key, wrong.Select(s => "Hub:Systems:servicedesk:" + s));
        Assert.DoesNotContain(testbed.Simulator.ApplicationPassword, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/tas/api")]
    [InlineData("/tas/api/")]
    public async Task The_base_url_may_be_given_with_or_without_the_api_path(string suffix)
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["BaseUrl"] = testbed.Simulator.Url + suffix });

        var health = await adapter.CheckHealthAsync(TopDeskTestbed.Timeout);

        Assert.True(health.IsHealthy, health.Detail);
    }

    [Fact]
    public void The_registration_makes_the_TopDesk_adapter_type_known()
    {
        using var services = new ServiceCollection().AddTopDeskAdapter(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Contains("TopDesk", services.GetRequiredService<AdapterRegistry>().KnownTypes);
    }

    public void Dispose() => testbed.Dispose();
}
