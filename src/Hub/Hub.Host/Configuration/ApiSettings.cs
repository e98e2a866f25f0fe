using Hub.Abstractions.Adapters;

namespace Hub.Host.Configuration;

/// <summary>Where the hub's HTTP endpoints (health, webhooks, auditor API, chain page) listen: Hub:Api:Urls, localhost by default.</summary>
internal static class ApiSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static string[] Urls(IConfiguration configuration)
    {
        var text = configuration["Hub:Api:Urls"];
        var urls = (string.IsNullOrWhiteSpace(text) ? DefaultUrls : text)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new HubConfigurationException("Hub:Api:Urls", $"'{url}' is not an http(s) URL; separate several with ';', e.g. \"{DefaultUrls}\".");
            }
        }

        return urls;
    }
}
