using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Microsoft.Extensions.Configuration;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// Settings of one Dynamics 365 system (<c>Hub:Systems:&lt;name&gt;:...</c>), read and checked when the adapter is made.
/// Every problem names the full configuration key.
/// </summary>
public sealed partial class DynamicsOptions
{
    public const string DefaultAuthority = "https://login.microsoftonline.com/";

    /// <summary>The org URL, e.g. https://contoso.crm4.dynamics.com/ (HTTP is accepted on loopback only).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The token endpoint base; the token is requested at {Authority}{TenantId}/oauth2/v2.0/token.</summary>
    public Uri Authority { get; init; } = new(DefaultAuthority);

    public required string TenantId { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>Logical name of the incident column that holds the hub's case id and carries an alternate key.</summary>
    public string CorrelationKeyColumn { get; init; } = "hub_correlationid";

    /// <summary>The org's service protection limit for the hub's user: requests per 5 minutes (Dataverse default 6,000).</summary>
    public int RequestsPerFiveMinutes { get; init; } = 6000;

    /// <summary>Share of <see cref="RequestsPerFiveMinutes"/> the hub leaves unused, so it stays below the limit.</summary>
    public double BudgetHeadroom { get; init; } = 0.05;

    /// <summary>Requests in flight at once (Dataverse refuses more than 52).</summary>
    public int MaxConcurrency { get; init; } = 52;

    /// <summary>Rows per page (<c>Prefer: odata.maxpagesize</c>), at most 5,000.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// On the very first poll of the org (no watermark yet), how far back to look: cases and notes last changed
    /// before that are history the hub leaves alone (the same default as TOPdesk's, a day).
    /// </summary>
    public TimeSpan FirstPollLookback { get; init; } = DefaultFirstPollLookback;

    public static readonly TimeSpan DefaultFirstPollLookback = TimeSpan.FromDays(1);

    /// <summary>Default case origin (<c>caseorigincode</c>) of created cases, unless the route says otherwise: 3 = Web.</summary>
    public int DefaultCaseOrigin { get; init; } = 3;

    public SystemHttpOptions Http { get; init; } = new();

    /// <summary>Requests the client lets itself send per 5 minutes.</summary>
    public int RequestBudget => Math.Max(1, (int)Math.Floor(RequestsPerFiveMinutes * (1 - BudgetHeadroom)));

    /// <summary>The token scope: the org URL + "/.default".</summary>
    public string Scope => BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>The Web API root, {BaseUrl}api/data/v9.2/.</summary>
    public Uri ApiUrl => new(new Uri(BaseUrl.GetLeftPart(UriPartial.Authority) + "/"), "api/data/v9.2/");

    /// <summary>Reads and checks the options of one system; throws <see cref="HubConfigurationException"/> naming the key.</summary>
    public static DynamicsOptions Read(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = context.Configuration;
        var options = new DynamicsOptions
        {
            BaseUrl = Url(context, "BaseUrl", section["BaseUrl"], allowLoopbackHttp: true),
            Authority = Url(context, "Authority", string.IsNullOrWhiteSpace(section["Authority"]) ? DefaultAuthority : section["Authority"], allowLoopbackHttp: false),
            TenantId = Required(context, "TenantId", section["TenantId"]),
            ClientId = Required(context, "ClientId", section["ClientId"]),
            ClientSecret = Required(context, "ClientSecret", section["ClientSecret"]),
            CorrelationKeyColumn = section["CorrelationKeyColumn"] is { Length: > 0 } column ? column.Trim() : "hub_correlationid",
            RequestsPerFiveMinutes = Number(context, "RequestsPerFiveMinutes", section["RequestsPerFiveMinutes"], 6000, 1, int.MaxValue),
            MaxConcurrency = Number(context, "MaxConcurrency", section["MaxConcurrency"], 52, 1, 52),
            PageSize = Number(context, "PageSize", section["PageSize"], 500, 1, 5000),
            FirstPollLookback = Lookback(context, section["FirstPollLookback"]),
            DefaultCaseOrigin = Number(context, "DefaultCaseOrigin", section["DefaultCaseOrigin"], 3, 1, int.MaxValue),
            BudgetHeadroom = Headroom(context, section["BudgetHeadroom"]),
            Http = section.GetSection("Http").Get<SystemHttpOptions>() ?? new SystemHttpOptions(),
        };

        if (!LogicalName().IsMatch(options.CorrelationKeyColumn))
        {
            throw new HubConfigurationException(context.KeyOf("CorrelationKeyColumn"),
                $"'{options.CorrelationKeyColumn}' is not a column logical name (lower case letters, digits and '_', e.g. hub_correlationid).");
        }

        if (options.TenantId.Contains('/', StringComparison.Ordinal))
        {
            throw new HubConfigurationException(context.KeyOf("TenantId"), "must be the directory (tenant) id or domain, without slashes.");
        }

        return options;
    }

    private static Uri Url(SystemContext context, string setting, string? value, bool allowLoopbackHttp)
    {
        var key = context.KeyOf(setting);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new HubConfigurationException(key, "is required, e.g. https://contoso.crm4.dynamics.com/.");
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new HubConfigurationException(key, $"'{value}' is not an absolute http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopbackHttp && uri.IsLoopback))
        {
            throw new HubConfigurationException(key, $"'{value}' must use https (plain http is accepted for a loopback simulator only).");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string Required(SystemContext context, string setting, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new HubConfigurationException(context.KeyOf(setting), "is required (see the app registration of the hub in Microsoft Entra ID).")
            : value.Trim();

    private static int Number(SystemContext context, string setting, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new HubConfigurationException(context.KeyOf(setting), $"'{value}' must be a whole number from {min} to {max}.");
    }

    private static TimeSpan Lookback(SystemContext context, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultFirstPollLookback;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var lookback) && lookback > TimeSpan.Zero
            ? lookback
            : throw new HubConfigurationException(context.KeyOf("FirstPollLookback"), $"'{value}' must be a duration longer than zero, e.g. 1.00:00:00 (a day) or 30.00:00:00.");
    }

    private static double Headroom(SystemContext context, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0.05;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share >= 0 && share < 1
            ? share
            : throw new HubConfigurationException(context.KeyOf("BudgetHeadroom"), $"'{value}' must be a share from 0 to below 1, e.g. 0.05.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex LogicalName();
}
