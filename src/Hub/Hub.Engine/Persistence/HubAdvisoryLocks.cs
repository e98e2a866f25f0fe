namespace Hub.Engine.Persistence;

/// <summary>The PostgreSQL advisory lock keys the hub uses; each is per database, so hubs on other databases never meet.</summary>
internal static class HubAdvisoryLocks
{
    /// <summary>Held for a transaction that appends to the journal, from reading the last hash to commit ("HUBJRNL").</summary>
    public const long Journal = 0x0048_5542_4A52_4E4C;

    /// <summary>
    /// Held on one connection while it applies migrations ("HUBMIGR"): EF Core's own lock on PostgreSQL lasts one
    /// migration's transaction, so two starts at once would both apply the second of two pending migrations.
    /// </summary>
    public const long Migrations = 0x0048_5542_4D49_4752;
}
