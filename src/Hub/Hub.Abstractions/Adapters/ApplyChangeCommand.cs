using Hub.Abstractions.Model;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Asks an adapter to apply one canonical change to a record it holds.
/// Only the members that the change says are set; null means "leave as is".
/// </summary>
public sealed record ApplyChangeCommand
{
    public required string CaseId { get; init; }
    public required string ExternalId { get; init; }
    public required ChangeKind Kind { get; init; }
    public CaseFields Fields { get; init; } = CaseFields.Empty;
    public IReadOnlyDictionary<string, string> TargetValues { get; init; } = new Dictionary<string, string>();
    public CaseComment? Comment { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The outbox command this change is sent for (<c>"&lt;case id&gt;/&lt;outbox id&gt;"</c>, see <c>CommandKeys</c>): the same on
    /// every attempt, after a restart and after a dead-letter replay, and different for every other command. A write the
    /// target does not deduplicate itself (a note, a progress entry, a mail) derives its id or marker from it, so a
    /// retry after a lost answer finds the first write instead of adding a second. Set by the dispatcher; null outside
    /// the outbox (a dry run).
    /// </summary>
    public string? CommandKey { get; init; }

    /// <summary>When the outbox queued this command: no attempt of it can have written anything before (the hub's clock).</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>
    /// For a change of fields: everything the case holds when the command is sent, not only what changed, so a target
    /// that composes one text of several fields (a Dynamics description: text, location, reporter, references) can
    /// write it whole again. Filled in when sent; null otherwise.
    /// </summary>
    public CaseFields? WholeCase { get; init; }

    /// <summary>For a change of fields: the case's records that came before this one, as a create names them; filled in when sent.</summary>
    public IReadOnlyList<CaseLink> UpstreamRecords { get; init; } = [];
}
