using Hub.Abstractions.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
namespace Hub.Engine.Journal;

/// <summary>
/// The result of walking the hash chain: intact, or the first entry that is wrong and why. <see cref="HeadHash"/> is
/// the hash of the newest entry: a chain cannot show that its newest entries were cut off, so the verdict prints the
/// head for the service's log (or an auditor) to keep outside the database and compare with later.
/// </summary>
public sealed record JournalVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string? Problem, string? HeadHash = null)
{
    public override string ToString() => IsIntact
        ? $"Journal intact: {EntriesChecked} entries, hash chain verified; head {HeadHash ?? JournalHash.Genesis}."
        : FirstBadSequence is null
            ? $"Journal TAMPERED: {Problem} ({EntriesChecked} entries, head now {HeadHash ?? JournalHash.Genesis})."
            : $"Journal TAMPERED at entry {FirstBadSequence}: {Problem} ({EntriesChecked} entries checked before it).";
}
