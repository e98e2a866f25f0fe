using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Example;

/// <summary>Names every wrong setting at once, each by its full key.</summary>
internal sealed class TicketDeskOptionsValidator : IValidateOptions<TicketDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketDeskOptions options)
    {
        var problems = new SettingProblems(name ?? string.Empty);
        if (problems.Require(options.BaseUrl, nameof(options.BaseUrl), "the address of TicketDesk's API")
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            problems.Add(nameof(options.BaseUrl), $"'{options.BaseUrl}' is not an http(s) address.");
        }

        problems.Require(options.ApiKey, nameof(options.ApiKey), "the hub's TicketDesk API key");
        if (options.PageSize is < 1 or > 500)
        {
            problems.Add(nameof(options.PageSize), "must be between 1 and 500.");
        }

        return problems.ToResult();
    }
}
