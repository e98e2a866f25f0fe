using System.Globalization;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// Checks Hub:Audit and Hub:Api at start; each message names the full key and how to fix it. Relative files are taken
/// from the content root (the configuration's folder).
/// </summary>
internal sealed class AuditOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuditOptions>, IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.VerifyInterval <= TimeSpan.Zero)
        {
            failures.Add($"{AuditOptions.Section}:VerifyInterval: must be a positive time span, e.g. 01:00:00.");
        }

        try
        {
            _ = JournalKeyFiles.Load(options, environment.ContentRootPath);
        }
        catch (HubConfigurationException key)
        {
            failures.Add(key.Message);
        }

        if (options.HeadFilePath(environment.ContentRootPath) is { } headFile && !Directory.Exists(Path.GetDirectoryName(headFile)))
        {
            failures.Add($"{AuditOptions.Section}:HeadFile: the folder of {headFile} does not exist; create it, or name a file in a folder that does.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(); // Urls is checked before the host is built (Configuration/ApiSettings)
        for (var i = 0; i < options.ApiKeyHashes.Count; i++)
        {
            if (!IsSha256Hex(options.ApiKeyHashes[i]))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{ApiOptions.Section}:ApiKeyHashes:{i}: not a SHA-256 hash (64 hex digits). Make one with `hub apikey hash`; never put the key itself here."));
            }
        }

        failures.AddRange(options.ReporterLinks.Problems(environment.ContentRootPath));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsSha256Hex(string? text) =>
        text is { Length: 64 } && text.All(char.IsAsciiHexDigit);
}
