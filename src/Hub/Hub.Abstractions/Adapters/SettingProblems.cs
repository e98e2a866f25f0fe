using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// What is wrong with one system's settings, each problem written as its full key and what to do
/// (<c>Hub:Systems:facility:ClientSecret: is required ...</c>). An adapter's options validator adds every problem it
/// finds instead of stopping at the first, so a start that fails names them all at once.
/// </summary>
public sealed class SettingProblems(string systemName)
{
    private const string Separator = ": ";
    private readonly List<string> problems = [];

    public string SystemName => systemName;

    public bool Any => problems.Count > 0;

    /// <summary>The full key of a setting of this system, e.g. "Hub:Systems:facility:ClientSecret".</summary>
    public string KeyOf(string setting) => SystemKeys.Of(systemName, setting);

    public void Add(string setting, string problem) => problems.Add(Format(KeyOf(setting), problem));

    /// <summary>Adds "is required: <paramref name="what"/>." when the value is empty; true when it is there.</summary>
    public bool Require(string? value, string setting, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(setting, $"is required: {what}.");
        return false;
    }

    public ValidateOptionsResult ToResult() => problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

    /// <summary>One problem as the hub writes it everywhere: "&lt;full key&gt;: &lt;what is wrong and how to fix it&gt;".</summary>
    public static string Format(string key, string problem) => key + Separator + problem;

    /// <summary>The key a problem written by <see cref="Format"/> names (keys hold ':' but never ": ").</summary>
    public static string KeyIn(string formatted)
    {
        ArgumentNullException.ThrowIfNull(formatted);
        var end = formatted.IndexOf(Separator, StringComparison.Ordinal);
        return end < 0 ? formatted : formatted[..end];
    }
}
