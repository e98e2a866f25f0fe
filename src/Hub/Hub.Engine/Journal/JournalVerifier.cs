using System.Globalization;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Journal;

/// <summary>
/// Walks the journal in order, streaming, and reports the first entry that was altered (its hash no longer matches),
/// removed (a gap in the sequence or a broken link) or inserted (a link to the wrong predecessor). With a journal key
/// it also catches a chain re-hashed by someone without the key: a signed entry's HMAC does not match, or an entry is
/// unsigned where the hub was signing. Held to the verified heads kept outside the journal, it also catches the one
/// thing a chain cannot show by itself: its newest entries cut off.
/// </summary>
public static class JournalVerifier
{
    public static Task<JournalVerification> VerifyAsync(HubDbContext db, CancellationToken cancellationToken) =>
        VerifyAsync(db, JournalEvidence.None, cancellationToken);

    /// <param name="keptHead">The head hash of an earlier verification; that entry must still be in the chain.</param>
    public static Task<JournalVerification> VerifyAsync(HubDbContext db, string? keptHead, CancellationToken cancellationToken) =>
        VerifyAsync(db, JournalEvidence.None with { KeptHash = keptHead }, cancellationToken);

    public static async Task<JournalVerification> VerifyAsync(HubDbContext db, JournalEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        var keys = evidence.Keys;
        if (CheckSeals(evidence) is { } forged)
        {
            return forged;
        }

        var sealedUpTo = evidence.Heads.Where(k => k.Head.KeyId is { } id && keys.Find(id) is not null).Select(k => k.Head.Sequence).DefaultIfEmpty().Max();
        var unmatched = evidence.Heads.ToList();
        var keptHash = evidence.KeptHash;
        var keptHashFound = string.IsNullOrWhiteSpace(keptHash) || string.Equals(keptHash, JournalHash.Genesis, StringComparison.Ordinal);
        long expected = 1;
        var previousHash = JournalHash.Genesis;
        long checkedCount = 0;
        long? signedFrom = null;

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

            JournalKey? key = null;
            if (entry.KeyId is { } keyId)
            {
                key = keys.Find(keyId);
                if (key is null)
                {
                    return Bad(checkedCount, entry.Sequence, MissingKey(keys, $"it is signed with journal key {keyId}"), keyMissing: true);
                }

                signedFrom ??= entry.Sequence;
            }
            else if (signedFrom is { } from)
            {
                return Bad(checkedCount, entry.Sequence, $"it is not signed with a journal key, though entries from {from} on are: re-hashed by someone without the key (altered)");
            }
            else if (entry.Sequence > sealedUpTo && sealedUpTo > 0)
            {
                return Bad(checkedCount, entry.Sequence, $"it is not signed with a journal key, though the hub held one when it verified the chain up to entry {sealedUpTo}: re-hashed by someone without the key (altered)");
            }

            if (!JournalHash.Matches(entry, key))
            {
                return Bad(checkedCount, entry.Sequence, "its content does not match its hash (altered)");
            }

            foreach (var kept in unmatched.Where(k => k.Head.Sequence == entry.Sequence).ToList())
            {
                if (!string.Equals(kept.Head.Hash, entry.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    return Bad(checkedCount, entry.Sequence, $"its hash is not the one verified at {Stamp(kept.Head.VerifiedAt)} ({kept.Where}): the chain was rewritten up to here");
                }

                unmatched.Remove(kept);
            }

            keptHashFound |= string.Equals(entry.Hash, keptHash, StringComparison.OrdinalIgnoreCase);
            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        if (unmatched.MaxBy(k => k.Head.Sequence) is { } gone)
        {
            return new JournalVerification(false, checkedCount, null,
                $"the head verified at {Stamp(gone.Head.VerifiedAt)} ({gone.Where}), entry {gone.Head.Sequence}, is no longer in the chain, which now ends at entry {checkedCount}: its newest entries were cut off",
                previousHash) { HeadSequence = checkedCount };
        }

        if (!keptHashFound)
        {
            return new JournalVerification(false, checkedCount, null,
                $"the head kept from an earlier verification ({keptHash}) is no longer in the chain: its newest entries were cut off, or the chain was rebuilt",
                previousHash) { HeadSequence = checkedCount };
        }

        return new JournalVerification(true, checkedCount, null, null, previousHash)
        {
            HeadSequence = checkedCount, Keyed = keys.IsKeyed, SignedFrom = signedFrom, HeadsChecked = evidence.Heads,
        };
    }

    /// <summary>A kept head sealed with a key this hub holds must carry that key's seal; one whose key it lacks cannot be trusted.</summary>
    private static JournalVerification? CheckSeals(JournalEvidence evidence)
    {
        foreach (var kept in evidence.Heads)
        {
            if (kept.Head.KeyId is not { } keyId)
            {
                continue; // kept before the hub had a key: it counts as a head, not as proof of one
            }

            var what = $"the head of entry {kept.Head.Sequence} verified at {Stamp(kept.Head.VerifiedAt)} ({kept.Where})";
            if (evidence.Keys.Find(keyId) is not { } key)
            {
                if (!evidence.Keys.IsKeyed)
                {
                    continue; // no key to check a seal with; the verdict says the chain proves order and completeness only
                }

                return Bad(0, null, MissingKey(evidence.Keys, $"{what} is sealed with journal key {keyId}"), keyMissing: true);
            }

            if (!kept.Head.IsSealedBy(key))
            {
                return Bad(0, null, $"{what} does not carry its seal: it was altered or forged");
            }
        }

        return null;
    }

    private static string MissingKey(JournalKeyRing keys, string what) => keys.IsKeyed
        ? $"{what}, which this hub does not hold: add that key's file to Hub:Audit:RetiredJournalKeyFiles (or the key id was forged)"
        : $"{what}, and no journal key is configured: set Hub:Audit:JournalKeyFile to verify it";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JournalVerification Bad(long checkedCount, long? sequence, string problem, bool keyMissing = false) =>
        new(false, checkedCount, sequence, problem) { KeyMissing = keyMissing };
}
