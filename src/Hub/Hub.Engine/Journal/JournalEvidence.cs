namespace Hub.Engine.Journal;

/// <summary>
/// What a verification holds the chain to besides the chain itself: the journal keys (signed entries and sealed heads
/// must check out under them), the verified heads kept outside the journal (each must still be in the chain), and a
/// head hash an auditor kept (<c>hub verify --head</c>).
/// </summary>
public sealed record JournalEvidence
{
    public static JournalEvidence None { get; } = new();

    public JournalKeyRing Keys { get; init; } = JournalKeyRing.None;

    public IReadOnlyList<KeptHead> Heads { get; init; } = [];

    /// <summary>The head hash of an earlier verification, without its sequence: that entry must still be in the chain.</summary>
    public string? KeptHash { get; init; }
}
