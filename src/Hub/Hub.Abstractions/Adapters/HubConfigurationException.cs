using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Settings are missing or wrong. Each problem names the full configuration key and how to fix it; <see cref="Key"/>
/// is the first of them. A system's options refused by their validator come as one exception with all their problems.
/// </summary>
public sealed class HubConfigurationException : Exception
{
    public HubConfigurationException(string key, string problem)
        : this([SettingProblems.Format(key, problem)])
    {
    }

    /// <param name="problems">Each as <see cref="SettingProblems.Format"/> writes it: "&lt;full key&gt;: &lt;problem&gt;".</param>
    public HubConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems.Count > 0 ? problems : throw new ArgumentException("At least one problem.", nameof(problems));
        Key = SettingProblems.KeyIn(problems[0]);
    }

    public HubConfigurationException()
        : this("Hub", "invalid configuration")
    {
    }

    public HubConfigurationException(string message)
        : this("Hub", message)
    {
    }

    public HubConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "Hub";
        Problems = [message];
    }

    /// <summary>The key of the first problem, e.g. "Hub:Systems:servicedesk:BaseUrl".</summary>
    public string Key { get; }

    /// <summary>Every problem found, each naming its key.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The problems an options validator (or a setting of the wrong form) reported, as the hub reports them.</summary>
    public static HubConfigurationException From(OptionsValidationException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new HubConfigurationException([.. refused.Failures]);
    }
}
