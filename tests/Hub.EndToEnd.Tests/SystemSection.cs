namespace Hub.EndToEnd.Tests;

/// <summary>One system's section of a hub's configuration file: the simulator's own settings plus the test's.</summary>
internal static class SystemSection
{
    /// <param name="simulatorSettings">As a simulator gives them, keyed "Hub:Systems:&lt;system&gt;:…".</param>
    /// <param name="more">Settings of the test, over the simulator's.</param>
    public static Dictionary<string, string?> From(IReadOnlyDictionary<string, string?> simulatorSettings, string system, params (string Key, string? Value)[] more)
    {
        var prefix = $"Hub:Systems:{system}:";
        var section = simulatorSettings.ToDictionary(s => s.Key[prefix.Length..], s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in more)
        {
            section[key] = value;
        }

        return section;
    }
}
