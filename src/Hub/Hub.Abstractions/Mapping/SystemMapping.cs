using Hub.Abstractions.Model;

namespace Hub.Abstractions.Mapping;

/// <summary>A system the mappings speak of, and the role it plays in the chain (e.g. "servicedesk").</summary>
public sealed record SystemMapping(string Name, string Role, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The kind of system as the mapping file names it (TopDesk, Dynamics, Email); informative only.</summary>
    public string? Adapter { get; init; }

    /// <summary>The language of the texts the hub writes to this system: its "language" setting, else <see cref="Languages.Default"/>.</summary>
    public string Language => Settings.TryGetValue(Languages.SettingName, out var language) ? language : Languages.Default;
}
