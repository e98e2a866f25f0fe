namespace Hub.Abstractions.Mapping;

/// <summary>Which way a value-map entry translates.</summary>
public enum MapDirection
{
    /// <summary>System value → canonical and canonical → system value.</summary>
    Both,

    /// <summary>Only system value → canonical (several system values may share one canonical value).</summary>
    Inbound,

    /// <summary>Only canonical → system value.</summary>
    Outbound,
}
