using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.ServiceNow;

/// <summary>Checks a ServiceNow system's settings and names the full key of every one that is wrong.</summary>
internal sealed class ServiceNowOptionsValidator : IValidateOptions<ServiceNowOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceNowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new SettingProblems(name ?? Options.DefaultName);
        PlainTextCredentials.CheckAddress(problems, nameof(options.InstanceUrl), options.InstanceUrl, options.AllowPlainTextCredentials,
            "the instance's address, e.g. https://acme.service-now.com", "the credentials");

        if (options.Authentication is ServiceNowAuthentication.Basic or ServiceNowAuthentication.OAuthPassword)
        {
            problems.Require(options.Username, nameof(options.Username), "the user_name of the integration user (roles itil and rest_api_explorer, or equivalent)");
            problems.Require(options.Password, nameof(options.Password), "the integration user's password");
        }

        if (options.Authentication is ServiceNowAuthentication.OAuthClientCredentials or ServiceNowAuthentication.OAuthPassword)
        {
            problems.Require(options.ClientId, nameof(options.ClientId), "the client id of the OAuth application (System OAuth → Application Registry)");
            problems.Require(options.ClientSecret, nameof(options.ClientSecret), "the client secret of that OAuth application");
        }

        if (options.Authentication == ServiceNowAuthentication.OAuthClientCredentials)
        {
            problems.Require(options.IntegrationUser, nameof(options.IntegrationUser),
                "the user_name of the OAuth Application User of the client, which the instance records for the hub's writes");
        }

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

        if (options.HoldReason is not ("1" or "3" or "4" or "5"))
        {
            problems.Add(nameof(options.HoldReason), "must be a hold_reason value: 1 (Awaiting Caller), 3 (Problem), 4 (Vendor) or 5 (Change).");
        }

        problems.Require(options.CloseCode, nameof(options.CloseCode), "the close_code of incidents the hub resolves, e.g. Solved (Permanently)");
        foreach (var (setting, value) in new[] { (nameof(options.AssignmentGroup), options.AssignmentGroup), (nameof(options.CallerFallback), options.CallerFallback) })
        {
            if (value?.Contains('^', StringComparison.Ordinal) == true)
            {
                problems.Add(setting, "must not contain '^' (it separates the conditions of an encoded query).");
            }
        }

        if (options.CorrelationDisplay.Length is 0 or > 100)
        {
            problems.Add(nameof(options.CorrelationDisplay), "must be 1 to 100 characters (the column's length).");
        }

        return problems.ToResult();
    }
}
