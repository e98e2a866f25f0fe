using Hub.Engine.Persistence;

namespace Hub.Engine.Journal;

/// <summary>Gathers the newest verified head from each place the hub keeps them outside the journal.</summary>
public static class KeptHeads
{
    /// <summary>The newest head in the database and, when one is configured, in the head file.</summary>
    public static async Task<List<KeptHead>> ReadAsync(HubDbContext db, VerifiedHeadFile? file, CancellationToken cancellationToken)
    {
        var heads = new List<KeptHead>();
        if (await VerifiedHeads.NewestAsync(db, cancellationToken).ConfigureAwait(false) is { } inDatabase)
        {
            heads.Add(new KeptHead(inDatabase, VerifiedHeads.InDatabase));
        }

        if (file is not null && await file.NewestAsync(cancellationToken).ConfigureAwait(false) is { } inFile)
        {
            heads.Add(new KeptHead(inFile, file.Where));
        }

        return heads;
    }
}
