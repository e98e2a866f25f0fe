using Hub.Abstractions.Model;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// One change an adapter saw in its system, translated to the hub's words.
/// The inbox key is (system, <see cref="ExternalId"/>, <see cref="Version"/>): the same key twice is one change.
/// </summary>
public sealed record ObservedChange
{
    /// <summary>The system's id of the record (TOPdesk incident id, Dynamics incidentid, work-order token).</summary>
    public required string ExternalId { get; init; }

    /// <summary>The number people use (TOPdesk "I 2026 042", Dynamics ticket number), if any.</summary>
    public string? ExternalNumber { get; init; }

    /// <summary>Distinguishes this change from others on the same record (modification stamp, action id, Message-ID).</summary>
    public required string Version { get; init; }

    public required ChangeKind Kind { get; init; }

    /// <summary>When the change happened, by the source system's clock.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Canonical fields mapped by structure. Value-mapped fields are left to <see cref="RawValues"/>.</summary>
    public CaseFields Fields { get; init; } = CaseFields.Empty;

    /// <summary>
    /// The system's own values for the fields in <see cref="MappedField"/> (e.g. "status" → "In behandeling").
    /// The engine translates them with the JSON value maps and parks the change when a value is unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string> RawValues { get; init; } = new Dictionary<string, string>();

    public CaseComment? Comment { get; init; }

    /// <summary>The hub's correlation key found on the record, when the hub created it.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>True when the system says the hub's own account made this change (an echo).</summary>
    public bool WrittenByHub { get; init; }

    /// <summary>Who made the change, as the system names them (for the journal).</summary>
    public string? Actor { get; init; }
}
