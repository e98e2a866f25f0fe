using Hub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Core.Journal;

/// <summary>
/// Walks the journal in order, streaming, and reports the first entry that was altered (its hash no longer
/// matches), removed (a gap in the sequence or a broken link) or inserted (a link to the wrong predecessor).
/// </summary>
public static class JournalVerifier
{
    public static async Task<JournalVerification> VerifyAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
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

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        return new JournalVerification(true, checkedCount, null, null, previousHash);
    }

    private static JournalVerification Bad(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
