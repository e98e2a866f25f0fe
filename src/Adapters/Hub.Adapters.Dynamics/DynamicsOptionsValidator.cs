using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Dynamics;

/// <summary>Checks a Dynamics system's settings and names the full key of every one that is wrong.</summary>
internal sealed partial class DynamicsOptionsValidator : IValidateOptions<DynamicsOptions>
{
    public ValidateOptionsResult Validate(string? name, DynamicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new SettingProblems(name ?? Options.DefaultName);
        CheckUrl(problems, nameof(options.BaseUrl), options.BaseUrl, allowLoopbackHttp: true);
        CheckUrl(problems, nameof(options.Authority), options.Authority, allowLoopbackHttp: false);
        Require(problems, nameof(options.TenantId), options.TenantId);
        Require(problems, nameof(options.ClientId), options.ClientId);
        Require(problems, nameof(options.ClientSecret), options.ClientSecret);
        if (options.TenantId.Contains('/', StringComparison.Ordinal))
        {
            problems.Add(nameof(options.TenantId), "must be the directory (tenant) id or domain, without slashes.");
        }

        if (!LogicalName().IsMatch(options.CorrelationKeyColumn))
        {
            problems.Add(nameof(options.CorrelationKeyColumn),
                $"'{options.CorrelationKeyColumn}' is not a column logical name (lower case letters, digits and '_', e.g. {DynamicsOptions.DefaultCorrelationKeyColumn}).");
        }

        CheckRange(problems, nameof(options.RequestsPerFiveMinutes), options.RequestsPerFiveMinutes, 1, int.MaxValue);
        CheckRange(problems, nameof(options.MaxConcurrency), options.MaxConcurrency, 1, 52);
        CheckRange(problems, nameof(options.PageSize), options.PageSize, 1, 5000);
        CheckRange(problems, nameof(options.DefaultCaseOrigin), options.DefaultCaseOrigin, 1, int.MaxValue);
        if (options.FirstPollLookback <= TimeSpan.Zero)
        {
            problems.Add(nameof(options.FirstPollLookback),
                $"'{options.FirstPollLookback}' must be a duration longer than zero, e.g. 1.00:00:00 (a day) or 30.00:00:00.");
        }

        if (options.BudgetHeadroom is < 0 or >= 1 || double.IsNaN(options.BudgetHeadroom))
        {
            problems.Add(nameof(options.BudgetHeadroom), $"'{options.BudgetHeadroom}' must be a share from 0 to below 1, e.g. 0.05.");
        }

        CheckCertificateFile(problems, nameof(options.TokenEndpointCertificateFile), options.TokenEndpointCertificateFile);
        return problems.ToResult();
    }

    private static void CheckUrl(SettingProblems problems, string setting, string value, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(setting, "is required, e.g. https://contoso.crm4.dynamics.com/.");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(setting, $"'{value}' is not an absolute http(s) URL.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopbackHttp && uri.IsLoopback))
        {
            problems.Add(setting, $"'{value}' must use https (plain http is accepted for a loopback simulator only).");
        }
    }

    private static void Require(SettingProblems problems, string setting, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(setting, "is required (see the app registration of the hub in Microsoft Entra ID).");
        }
    }

    private static void CheckRange(SettingProblems problems, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(setting, $"'{value}' must be a whole number from {min} to {max}.");
        }
    }

    private static void CheckCertificateFile(SettingProblems problems, string setting, string path)
    {
        if (path.Length == 0)
        {
            return;
        }

        if (!File.Exists(path))
        {
            problems.Add(setting, $"the file '{path}' does not exist; give the path of the token endpoint's certificate (.cer, DER or PEM) or leave the setting out.");
            return;
        }

        try
        {
            using var certificate = TokenEndpointCertificateFile.Load(path);
        }
        catch (CryptographicException failure)
        {
            problems.Add(setting, $"'{path}' is not a certificate file (DER or PEM): {failure.Message}");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex LogicalName();
}
