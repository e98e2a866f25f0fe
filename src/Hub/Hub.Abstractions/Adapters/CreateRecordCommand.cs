using Hub.Abstractions.Model;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Asks an adapter to create a record for a case.
/// <see cref="TargetValues"/> holds the target system's own values for the fields in <see cref="MappedField"/>,
/// already translated by the engine. <see cref="Parameters"/> carries the route's parameters: the ones the engine and
/// the adapters agree on (<see cref="Mapping.RouteParameters"/>: the contractor) and an adapter's own (e.g. "customer" →
/// a Dynamics account binding).
/// </summary>
public sealed record CreateRecordCommand
{
    public required string CaseId { get; init; }
    public required string CorrelationKey { get; init; }
    public required CaseFields Fields { get; init; }
    public IReadOnlyDictionary<string, string> TargetValues { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The case's records in the other systems, for the text ("servicedesk I 2026 042"); filled in when sent.</summary>
    public IReadOnlyList<CaseLink> UpstreamRecords { get; init; } = [];

    /// <summary>
    /// The outbox command this create is sent for (<c>"&lt;case id&gt;/&lt;outbox id&gt;"</c>), the same on every attempt and
    /// after a restart; for what the create writes besides the record itself (a mail's Message-ID). Set by the dispatcher.
    /// </summary>
    public string? CommandKey { get; init; }
}
