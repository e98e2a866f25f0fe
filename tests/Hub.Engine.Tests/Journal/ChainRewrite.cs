using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Tests.Journal;

/// <summary>
/// What someone with write access to the database but without the journal key can do: change an entry, then re-hash
/// it and every later entry with plain SHA-256, so every link holds again. Straight to the database, past the journal.
/// </summary>
internal static class ChainRewrite
{
    /// <param name="dropKeyIds">Also clear each entry's key id, so the entries look as if written without a key.</param>
    public static async Task RewriteFromAsync(HubDatabase database, long sequence, Action<JournalEntry> change, bool dropKeyIds)
    {
        await using var db = database.CreateContext();
        var previous = await db.Journal.AsNoTracking().Where(e => e.Sequence == sequence - 1).Select(e => e.Hash).FirstOrDefaultAsync() ?? JournalHash.Genesis;
        var entries = await db.Journal.Where(e => e.Sequence >= sequence).OrderBy(e => e.Sequence).ToListAsync();
        change(entries[0]);
        foreach (var entry in entries)
        {
            var keyId = entry.KeyId;
            entry.KeyId = null;
            entry.PreviousHash = previous;
            entry.Hash = JournalHash.Compute(entry); // SHA-256: all one can compute without the key
            entry.KeyId = dropKeyIds ? null : keyId;
            previous = entry.Hash;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A fresh random journal key, as `openssl rand -base64 32` makes one.</summary>
    public static JournalKey NewKey() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
