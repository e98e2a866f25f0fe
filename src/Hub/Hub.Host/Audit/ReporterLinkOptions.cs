using System.Globalization;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Audit;

/// <summary>
/// Bound from <c>Hub:Api:ReporterLinks</c>: read-only, expiring links that show a reporter the milestones of one
/// complaint (no journal, no notes, no names). Off unless <see cref="Enabled"/>. Each link is an HMAC-SHA256 over the
/// case id and the expiry with the key in <see cref="KeyFile"/>, so the hub stores nothing per link; rotating the
/// key ends every link given out.
/// </summary>
internal sealed class ReporterLinkOptions
{
    public const string Section = ApiOptions.Section + ":ReporterLinks";
    public const int MinimumKeyBytes = 32;
    public const int MaximumDays = 365;

    public bool Enabled { get; set; }

    /// <summary>A file holding the link key (base64, at least 32 bytes); relative to the configuration's folder.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How long a link works unless `hub link --days` says otherwise.</summary>
    public int Days { get; set; } = 30;

    /// <summary>The address reporters reach the hub at (e.g. https://hub.example.org); default the first of Hub:Api:Urls.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Every problem with the settings, each naming its key; none when links are off.</summary>
    public List<string> Problems(string baseDirectory)
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (Days is < 1 or > MaximumDays)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:Days: {Days} is out of range; a link lasts 1 to {MaximumDays} days."));
        }

        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{Section}:BaseUrl: '{BaseUrl}' is not an http(s) URL; give the address reporters reach the hub at, e.g. https://hub.example.org.");
        }

        try
        {
            _ = Key(baseDirectory);
        }
        catch (HubConfigurationException key)
        {
            problems.AddRange(key.Problems);
        }

        return problems;
    }

    /// <summary>The link key; <see cref="HubConfigurationException"/> naming <c>Hub:Api:ReporterLinks:KeyFile</c> when there is none to read.</summary>
    public byte[] Key(string baseDirectory) =>
        string.IsNullOrWhiteSpace(KeyFile)
            ? throw new HubConfigurationException($"{Section}:KeyFile", $"reporter links are on ({Section}:Enabled) and need a key file; {KeyFiles.HowToMake}.")
            : KeyFiles.Read($"{Section}:KeyFile", KeyFile, baseDirectory, MinimumKeyBytes, "a reporter-link key");
}
