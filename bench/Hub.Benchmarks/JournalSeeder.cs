using System.Diagnostics;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Benchmarks;

/// <summary>
/// Fills a migrated correlation log with cases, three links each (servicedesk, facility, contractor) and journal
/// entries spread round-robin over the cases, hash-chained as the hub chains them (unkeyed SHA-256, each entry naming
/// the one before it), so <c>hub verify</c> accepts the result. Built for speed, with nothing in the result to tell:
/// one transaction, multi-row inserts prepared once, no rollback journal and no syncing while it runs (a failed seed
/// leaves a folder to delete, not a journal to trust), the chain computed in the same pass as the rows, and the
/// secondary indexes built after the rows from the migrations' own SQL. The journal mode is WAL again at the end.
/// </summary>
internal static class JournalSeeder
{
    private const int ProgressEvery = 1_000_000;
    private const string SeedCacheSize = "-524288"; // KiB: 512 MB of page cache while the rows go in and the indexes are sorted
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] LaterKinds = ["StatusChanged", "CommentAdded", "AppointmentSet", "StatusChanged", "CommentAdded", "Resolved", "Reopened"];
    private static readonly string[] Tables = ["cases", "links", "journal"];

    /// <param name="progress">Told the journal entries written so far, every million.</param>
    public static SeedingFigures Seed(string dataSource, BenchSize size, Action<long> progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        SqliteConnection.ClearAllPools(); // the migration's pooled connection: the journal mode changes only with none open
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dataSource, Pooling = false }.ToString());
        connection.Open();
        var journalMode = Pragma(connection, "journal_mode");
        SetPragma(connection, "journal_mode", "OFF");
        SetPragma(connection, "synchronous", "OFF");
        SetPragma(connection, "cache_size", SeedCacheSize);

        var indexes = DeferredIndexes.Drop(connection, Tables);
        using (var transaction = connection.BeginTransaction())
        {
            SeedCases(connection, size.Cases, cancellationToken);
            SeedJournal(connection, size, progress, cancellationToken);
            transaction.Commit();
        }

        var rows = watch.Elapsed;
        using (var transaction = connection.BeginTransaction())
        {
            indexes.Rebuild(connection);
            transaction.Commit();
        }

        SetPragma(connection, "journal_mode", journalMode);
        return new SeedingFigures(rows, watch.Elapsed - rows, indexes.Count);
    }

    private static void SeedCases(SqliteConnection connection, int cases, CancellationToken cancellationToken)
    {
        using var caseInsert = new BatchedInsert(connection, "cases",
            "Id", "Title", "Status", "Priority", "OriginSystem", "CreatedAt", "UpdatedAt", "FieldStamps");
        using var linkInsert = new BatchedInsert(connection, "links",
            "CaseId", "SystemName", "ExternalId", "ExternalNumber", "Role", "UpstreamSystem", "CreatedAt");
        for (var n = 0; n < cases; n++)
        {
            if (n % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = SeededReferences.HubId(n);
            var at = Start.AddMinutes(n).UtcTicks;
            caseInsert.Add(id, "Lekkage plafond kamer " + n, "InProgress", "Normal", "servicedesk", at, at, "{}");
            linkInsert.Add(id, "servicedesk", SeededReferences.TopDeskId(n), SeededReferences.TopDeskNumber(n), "servicedesk", null, at);
            linkInsert.Add(id, "facility", SeededReferences.DynamicsId(n), SeededReferences.DynamicsNumber(n), "facility", "servicedesk", at + 1);
            linkInsert.Add(id, "contractor", SeededReferences.WorkOrder(n), SeededReferences.WorkOrder(n), "contractor", "facility", at + 2);
        }

        caseInsert.Complete();
        linkInsert.Complete();
    }

    private static void SeedJournal(SqliteConnection connection, BenchSize size, Action<long> progress, CancellationToken cancellationToken)
    {
        using var insert = new BatchedInsert(connection, "journal",
            "Sequence", "At", "CaseId", "Kind", "SourceSystem", "SourceRecord", "TargetSystem", "TargetRecord",
            "After", "MappingVersion", "Outcome", "Attempt", "Detail", "PreviousHash", "Hash");
        var previousHash = JournalHash.Genesis;
        for (long sequence = 1; sequence <= size.Entries; sequence++)
        {
            if (sequence % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entry = Entry(sequence, size.Cases, previousHash);
            entry.Hash = JournalHash.Compute(entry);
            insert.Add(
                entry.Sequence, entry.At.UtcTicks, entry.CaseId, entry.Kind, entry.SourceSystem, entry.SourceRecord, entry.TargetSystem, entry.TargetRecord,
                entry.After, entry.MappingVersion, entry.Outcome, entry.Attempt, entry.Detail, entry.PreviousHash, entry.Hash);
            previousHash = entry.Hash;
            if (sequence % ProgressEvery == 0)
            {
                progress(sequence);
            }
        }

        insert.Complete();
    }

    /// <summary>Entry <paramref name="sequence"/>: step k of case n's chain (created, to the building manager, to the contractor, then updates).</summary>
    private static JournalEntry Entry(long sequence, int cases, string previousHash)
    {
        var n = (int)((sequence - 1) % cases);
        var step = (int)((sequence - 1) / cases);
        var (kind, outcome, source, sourceRecord, target, targetRecord) = step switch
        {
            0 => ("Created", JournalOutcome.Observed, "servicedesk", SeededReferences.TopDeskId(n), (string?)null, (string?)null),
            1 => ("LinkCreated", JournalOutcome.Applied, "servicedesk", SeededReferences.TopDeskId(n), "facility", SeededReferences.DynamicsId(n)),
            2 => ("LinkCreated", JournalOutcome.Applied, "facility", SeededReferences.DynamicsId(n), "contractor", SeededReferences.WorkOrder(n)),
            _ => (LaterKinds[step % LaterKinds.Length], JournalOutcome.Applied, "contractor", SeededReferences.WorkOrder(n), "facility", SeededReferences.DynamicsId(n)),
        };
        return new JournalEntry
        {
            Sequence = sequence, At = Start.AddSeconds(sequence * 30), CaseId = SeededReferences.HubId(n), Kind = kind,
            SourceSystem = source, SourceRecord = sourceRecord, TargetSystem = target, TargetRecord = targetRecord,
            After = "{\"status\":\"InProgress\",\"note\":\"Monteur is onderweg naar de locatie\"}", MappingVersion = "2026.1",
            Outcome = outcome, Attempt = 0, Detail = "Step " + step + " of the chain for case " + n,
            PreviousHash = previousHash, Hash = string.Empty,
        };
    }

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static void SetPragma(SqliteConnection connection, string name, string value)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // This program's own pragma names and values.
        command.CommandText = $"PRAGMA {name} = {value}";
#pragma warning restore CA2100
        var answer = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (name == "journal_mode" && !string.Equals(answer, value, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite kept journal mode '{answer}' instead of '{value}' (another connection open on the journal?).");
        }
    }
}
