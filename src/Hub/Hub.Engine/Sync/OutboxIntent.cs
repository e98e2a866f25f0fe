using System.Text.Json.Serialization;
using Hub.Abstractions.Model;

namespace Hub.Engine.Sync;

/// <summary>
/// What the planner asks of one target system, complete when it is queued: it is the outbox row's payload. It holds the
/// canonical fields, the target's own values translated from them and the mapping version used for that translation,
/// the comment and the route parameters. What only the sender knows (the target's record id, the case's other records,
/// the whole case as it is then, the command key) is added when it is sent (<see cref="AdapterCommands"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "intent")]
[JsonDerivedType(typeof(CreateIntent), "create")]
[JsonDerivedType(typeof(ChangeIntent), "change")]
public abstract record OutboxIntent
{
    public required string CaseId { get; init; }

    /// <summary>The system the intent goes to (the outbox row's target).</summary>
    public required string Target { get; init; }

    public CaseFields Fields { get; init; } = CaseFields.Empty;

    /// <summary>The target system's own values for the value-mapped fields of <see cref="Fields"/>, translated when queued.</summary>
    public IReadOnlyDictionary<string, string> TargetValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The route's parameters for the target (see <c>RouteParameters</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The mapping <see cref="TargetValues"/> were translated with, journaled when the intent is sent. Null only for a
    /// row an older hub queued, which did not keep it; such a row is journaled with the mapping in force when it is sent.
    /// </summary>
    public string? MappingVersion { get; init; }

    /// <summary>The change kind, as the outbox row and the journal name it.</summary>
    public abstract ChangeKind KindOfChange();
}

/// <summary>Create the case's record in the target, idempotent by <see cref="CorrelationKey"/>; the case's records so far go with it.</summary>
public sealed record CreateIntent : OutboxIntent
{
    public required string CorrelationKey { get; init; }

    public override ChangeKind KindOfChange() => ChangeKind.Created;
}

/// <summary>Apply one change to the case's record in the target.</summary>
public sealed record ChangeIntent : OutboxIntent
{
    public required ChangeKind Kind { get; init; }

    public CaseComment? Comment { get; init; }

    /// <summary>
    /// The target composes one text of several fields (a Dynamics description: text, location, reporter, references):
    /// the whole case as it is when sent, and the case's records that came before the target's, go with the change.
    /// </summary>
    public bool WithWholeCase { get; init; }

    public override ChangeKind KindOfChange() => Kind;
}
