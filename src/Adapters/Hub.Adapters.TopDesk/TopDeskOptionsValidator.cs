using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.TopDesk;

/// <summary>Checks a TOPdesk system's settings and names the full key of every one that is wrong.</summary>
internal sealed class TopDeskOptionsValidator : IValidateOptions<TopDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, TopDeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new SettingProblems(name ?? Options.DefaultName);
        PlainTextCredentials.CheckAddress(problems, nameof(options.BaseUrl), options.BaseUrl, options.AllowPlainTextCredentials,
            "the TOPdesk tenant's address, e.g. https://acme.topdesk.net", "the application password");

        problems.Require(options.Username, nameof(options.Username), "the login name of the operator the hub acts as");
        problems.Require(options.ApplicationPassword, nameof(options.ApplicationPassword),
            "an application password of that operator (My settings → Application passwords)");
        if (options.PageSize is < 1 or > 10000)
        {
            problems.Add(nameof(options.PageSize), "must be between 1 and 10000.");
        }

        if (options.PollOverlap < TimeSpan.Zero || options.PollOverlap > TimeSpan.FromDays(1))
        {
            problems.Add(nameof(options.PollOverlap), "must be between 00:00:00 and 1.00:00:00.");
        }

        if (options.FirstPollLookback <= TimeSpan.Zero)
        {
            problems.Add(nameof(options.FirstPollLookback), "must be longer than zero, e.g. 1.00:00:00.");
        }

        if (options.ProgressReadConcurrency is < 1 or > 16)
        {
            problems.Add(nameof(options.ProgressReadConcurrency), "must be between 1 and 16 (default 4).");
        }

        if (options.Line is not ("firstLine" or "secondLine"))
        {
            problems.Add(nameof(options.Line), "must be firstLine or secondLine.");
        }

        problems.Require(options.CallerFallback, nameof(options.CallerFallback), "a caller name for incidents without a reporter");
        return problems.ToResult();
    }
}
