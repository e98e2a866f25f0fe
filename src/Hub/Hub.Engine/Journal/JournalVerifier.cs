using Hub.Abstractions.Mapping;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Journal;

/// <summary>
/// Walks the journal in order, streaming, and reports the first entry that was altered (its hash no longer
/// matches), removed (a gap in the sequence or a broken link) or inserted (a link to the wrong predecessor).
/// Given the head hash an earlier verification printed (kept outside the database), it also catches the one thing a
/// chain cannot show by itself: its newest entries cut off.
/// </summary>
public static class JournalVerifier
{
    public static Task<JournalVerification> VerifyAsync(HubDbContext db, CancellationToken cancellationToken) =>
        VerifyAsync(db, keptHead: null, cancellationToken);

    /// <param name="keptHead">The head hash of an earlier verification; that entry must still be in the chain.</param>
    public static async Task<JournalVerification> VerifyAsync(HubDbContext db, string? keptHead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keptHeadFound = string.IsNullOrWhiteSpace(keptHead) || string.Equals(keptHead, JournalHash.Genesis, StringComparison.Ordinal);
        long expected = 1;
        var previousHash = JournalHash.Genesis;
        long checkedCount = 0;

        var entries = db.Journal.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence != expected)
            {
                return Bad(checkedCount, expected, entry.Sequence > expected
                    ? $"entries {expected}..{entry.Sequence - 1} are missing (removed)"
                    : $"entry number {entry.Sequence} is out of order (inserted)");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Bad(checkedCount, entry.Sequence, "it does not link to the entry before it (an entry was removed or inserted)");
            }

            if (!string.Equals(JournalHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Bad(checkedCount, entry.Sequence, "its content does not match its hash (altered)");
            }

            keptHeadFound |= string.Equals(entry.Hash, keptHead, StringComparison.OrdinalIgnoreCase);
            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        if (!keptHeadFound)
        {
            return new JournalVerification(false, checkedCount, null,
                $"the head kept from an earlier verification ({keptHead}) is no longer in the chain: its newest entries were cut off, or the chain was rebuilt",
                previousHash);
        }

        return new JournalVerification(true, checkedCount, null, null, previousHash);
    }

    private static JournalVerification Bad(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
