using Hub.Abstractions.Adapters;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskPlainTextCredentialTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();

    [Fact]
    public void A_base_url_over_http_to_another_host_is_refused_naming_the_key_and_the_opt_in_but_not_the_password()
    {
        var error = Assert.Throws<HubConfigurationException>(() =>
            testbed.CreateAdapter(new Dictionary<string, string?> { ["BaseUrl"] = "http://topdesk.example.org/tas/api/" }));

        Assert.Equal("Hub:Systems:servicedesk:BaseUrl", error.Key);
        Assert.Equal(
            "Hub:Systems:servicedesk:BaseUrl: 'http://topdesk.example.org/tas/api/' sends the application password unencrypted; " +
            "use https, or set Hub:Systems:servicedesk:AllowPlainTextCredentials=true to allow it.",
            error.Message);
        Assert.DoesNotContain(testbed.Simulator.ApplicationPassword, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.5/")]
    [InlineData("http://[::1]:8080/")]
    public void A_base_url_over_http_to_loopback_is_accepted(string url)
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["BaseUrl"] = url });

        Assert.Equal("servicedesk", adapter.SystemName);
    }

    [Fact]
    public void A_base_url_over_http_to_another_host_is_accepted_when_plain_text_credentials_are_allowed()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?>
        {
            ["BaseUrl"] = "http://topdesk.example.org/tas/api/",
            ["AllowPlainTextCredentials"] = "true",
        });

        Assert.Equal("servicedesk", adapter.SystemName);
    }

    public void Dispose() => testbed.Dispose();
}
