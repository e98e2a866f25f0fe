using Hub.Abstractions.Adapters;

namespace Hub.Adapters.TopDesk;

/// <summary>Checks a TOPdesk system's settings and names the full key of the first one that is wrong.</summary>
public static class TopDeskOptionsValidator
{
    public static void Validate(TopDeskOptions options, SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.BaseUrl)),
                "must be the TOPdesk tenant's address, e.g. https://acme.topdesk.net.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !PlainTextCredentials.IsLoopback(url.Host) && !PlainTextCredentials.AreAllowed(context))
        {
            throw PlainTextCredentials.Refusal(context, nameof(options.BaseUrl),
                $"'{options.BaseUrl}' sends the application password unencrypted", "https");
        }

        Require(options.Username, context.KeyOf(nameof(options.Username)), "the login name of the operator the hub acts as");
        Require(options.ApplicationPassword, context.KeyOf(nameof(options.ApplicationPassword)),
            "an application password of that operator (My settings → Application passwords)");
        if (options.PageSize is < 1 or > 10000)
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.PageSize)), "must be between 1 and 10000.");
        }

        if (options.PollOverlap < TimeSpan.Zero || options.PollOverlap > TimeSpan.FromDays(1))
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.PollOverlap)), "must be between 00:00:00 and 1.00:00:00.");
        }

        if (options.FirstPollLookback <= TimeSpan.Zero)
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.FirstPollLookback)), "must be longer than zero, e.g. 1.00:00:00.");
        }

        if (options.ProgressReadConcurrency is < 1 or > 16)
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.ProgressReadConcurrency)), "must be between 1 and 16 (default 4).");
        }

        if (options.Line is not ("firstLine" or "secondLine"))
        {
            throw new HubConfigurationException(context.KeyOf(nameof(options.Line)), "must be firstLine or secondLine.");
        }

        Require(options.CallerFallback, context.KeyOf(nameof(options.CallerFallback)), "a caller name for incidents without a reporter");
    }

    private static void Require(string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new HubConfigurationException(key, $"is required: {what}.");
        }
    }
}
