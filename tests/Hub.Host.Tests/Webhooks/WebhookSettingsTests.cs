using Hub.Abstractions.Adapters;
using Hub.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Hub.Host.Tests.Webhooks;

/// <summary>Webhook settings are checked when the hub starts; a bad one stops it with the key named and the secret never shown.</summary>
public sealed class WebhookSettingsTests
{
    private const string ShortSecret = "only-12-char";

    [Theory]
    [InlineData("WebhookSecret", ShortSecret, "Hub:Systems:servicedesk:WebhookSecret: is shorter than 16 characters")]
    [InlineData("AllowWebhookSecretHeader", "yes", "Hub:Systems:servicedesk:AllowWebhookSecretHeader: must be true or false")]
    [InlineData("WebhookMaxBodyBytes", "10", "Hub:Systems:servicedesk:WebhookMaxBodyBytes: '10' is not a number of bytes from 1024 to 1048576")]
    [InlineData("WebhookMaxBodyBytes", "2000000", "Hub:Systems:servicedesk:WebhookMaxBodyBytes: '2000000' is not a number of bytes")]
    [InlineData("WebhookMaxBodyBytes", "64k", "Hub:Systems:servicedesk:WebhookMaxBodyBytes: '64k' is not a number of bytes")]
    public void A_bad_webhook_setting_stops_the_start_naming_its_key(string setting, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Systems:servicedesk:Adapter"] = "TopDesk",
            ["Hub:Systems:servicedesk:WebhookSecret"] = "a-good-long-webhook-secret",
            [$"Hub:Systems:servicedesk:{setting}"] = value,
        };

        var refused = Assert.Throws<HubConfigurationException>(() => Read(settings));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-good-long-webhook-secret", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortSecret, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowing_the_secret_header_without_a_secret_stops_the_start()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Systems:servicedesk:Adapter"] = "TopDesk",
            ["Hub:Systems:servicedesk:AllowWebhookSecretHeader"] = "true",
        };

        var refused = Assert.Throws<HubConfigurationException>(() => Read(settings));

        Assert.StartsWith("Hub:Systems:servicedesk:AllowWebhookSecretHeader: is true but Hub:Systems:servicedesk:WebhookSecret is not set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_secret_the_webhook_is_off_and_with_one_it_takes_64_KiB_and_no_plain_secret()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Systems:servicedesk:Adapter"] = "TopDesk",
            ["Hub:Systems:servicedesk:WebhookSecret"] = "a-good-long-webhook-secret",
            ["Hub:Systems:facility:Adapter"] = "Dynamics",
        };

        var systems = Read(settings);

        Assert.Equal(new WebhookSettings("a-good-long-webhook-secret", AllowSecretHeader: false, MaxBodyBytes: 64 * 1024), systems.Single(s => s.Name == "servicedesk").Webhook);
        Assert.Null(systems.Single(s => s.Name == "facility").Webhook);
    }

    private static IReadOnlyList<SystemSettings> Read(Dictionary<string, string?> settings) =>
        SystemSettings.ReadAll(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
