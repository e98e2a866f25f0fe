using System.Globalization;

namespace Hub.Engine.Journal;

/// <summary>
/// The result of walking the hash chain: intact, or the first entry that is wrong and why. <see cref="HeadHash"/> is
/// the hash of the newest entry: a chain cannot show that its newest entries were cut off, so the hub keeps verified
/// heads outside the journal and each verification holds the chain to them.
/// </summary>
public sealed record JournalVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string? Problem, string? HeadHash = null)
{
    /// <summary>The sequence of the newest entry (0 for an empty journal).</summary>
    public long HeadSequence { get; init; }

    /// <summary>Whether the hub verified with a journal key (signs its entries); without one the chain proves order and completeness only.</summary>
    public bool Keyed { get; init; }

    /// <summary>The first entry signed with a journal key; every entry after it is signed too. Null when none is.</summary>
    public long? SignedFrom { get; init; }

    /// <summary>
    /// Not intact because an entry or head is signed with a key this hub does not hold: it cannot be checked, which is
    /// not yet proof that it was altered.
    /// </summary>
    public bool KeyMissing { get; init; }

    /// <summary>The verified heads kept outside the journal that the chain was held to.</summary>
    public IReadOnlyList<KeptHead> HeadsChecked { get; init; } = [];

    public override string ToString()
    {
        var head = HeadHash ?? JournalHash.Genesis;
        if (IsIntact)
        {
            return $"Journal intact: {EntriesChecked} entries, hash chain verified; head {head}. {Signing()}{Heads()}";
        }

        var verdict = KeyMissing ? "NOT VERIFIED" : "TAMPERED";
        return (FirstBadSequence, HeadHash) switch
        {
            (null, null) => $"Journal {verdict}: {Problem}.",
            (null, _) => $"Journal {verdict}: {Problem} ({EntriesChecked} entries, head now {head}).",
            _ => $"Journal {verdict} at entry {FirstBadSequence}: {Problem} ({EntriesChecked} entries checked before it).",
        };
    }

    private string Signing() => (Keyed, SignedFrom) switch
    {
        (false, _) => "No journal key is configured: the chain proves order and completeness only, not that nobody with write access to the database rewrote it.",
        (true, null) => "A journal key is configured but no entry is signed with one yet: so far the chain proves order and completeness only.",
        (true, 1) => "Every entry is signed with a journal key: nobody without the key can have rewritten it.",
        (true, { } from) => string.Create(CultureInfo.InvariantCulture,
            $"Entries {from}..{HeadSequence} are signed with a journal key; entries 1..{from - 1}, written before a key was configured, prove order and completeness only."),
    };

    private string Heads() => HeadsChecked.Count == 0
        ? " No verified head was kept yet, so newest entries cut off would not show."
        : " Still in the chain: " + string.Join("; ", HeadsChecked.Select(k => string.Create(CultureInfo.InvariantCulture,
            $"entry {k.Head.Sequence}, verified {k.Head.VerifiedAt:yyyy-MM-ddTHH:mm:ssZ} ({k.Where})"))) + ".";
}
