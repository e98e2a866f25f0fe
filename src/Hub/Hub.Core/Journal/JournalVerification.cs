namespace Hub.Core.Journal;

/// <summary>The result of walking the hash chain: intact, or the first entry that is wrong and why.</summary>
public sealed record JournalVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string? Problem)
{
    public override string ToString() => IsIntact
        ? $"Journal intact: {EntriesChecked} entries, hash chain verified."
        : $"Journal TAMPERED at entry {FirstBadSequence}: {Problem} ({EntriesChecked} entries checked before it).";
}
