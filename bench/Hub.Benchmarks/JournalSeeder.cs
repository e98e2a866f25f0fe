using System.Diagnostics;
using Hub.Engine.Journal;
using Microsoft.Data.Sqlite;

namespace Hub.Benchmarks;

/// <summary>
/// Fills a migrated correlation log with cases, three links each (servicedesk, facility, contractor) and journal
/// entries spread round-robin over the cases, with one prepared insert per table in one transaction. Hashes are
/// well-formed but do not chain: this journal is for timing reads, not for <c>hub verify</c>.
/// </summary>
internal static class JournalSeeder
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] LaterKinds = ["StatusChanged", "CommentAdded", "AppointmentSet", "StatusChanged", "CommentAdded", "Resolved", "Reopened"];
    private static readonly string PlaceholderHash = new('a', 64);

    public static TimeSpan Seed(string dataSource, BenchSize size, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={dataSource}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        SeedCases(connection, transaction, size.Cases, cancellationToken);
        SeedJournal(connection, transaction, size, cancellationToken);
        transaction.Commit();
        return watch.Elapsed;
    }

    private static void SeedCases(SqliteConnection connection, SqliteTransaction transaction, int cases, CancellationToken cancellationToken)
    {
        using var caseInsert = new PreparedInsert(connection, transaction, "cases",
            "Id", "Title", "Status", "Priority", "OriginSystem", "CreatedAt", "UpdatedAt", "FieldStamps");
        using var linkInsert = new PreparedInsert(connection, transaction, "links",
            "CaseId", "SystemName", "ExternalId", "ExternalNumber", "Role", "UpstreamSystem", "CreatedAt");
        for (var n = 0; n < cases; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = SeededReferences.HubId(n);
            var at = Start.AddMinutes(n).UtcTicks;
            caseInsert.Add(id, "Lekkage plafond kamer " + n, "InProgress", "Normal", "servicedesk", at, at, "{}");
            linkInsert.Add(id, "servicedesk", SeededReferences.TopDeskId(n), SeededReferences.TopDeskNumber(n), "servicedesk", null, at);
            linkInsert.Add(id, "facility", SeededReferences.DynamicsId(n), SeededReferences.DynamicsNumber(n), "facility", "servicedesk", at + 1);
            linkInsert.Add(id, "contractor", SeededReferences.WorkOrder(n), SeededReferences.WorkOrder(n), "contractor", "facility", at + 2);
        }
    }

    private static void SeedJournal(SqliteConnection connection, SqliteTransaction transaction, BenchSize size, CancellationToken cancellationToken)
    {
        using var insert = new PreparedInsert(connection, transaction, "journal",
            "Sequence", "At", "CaseId", "Kind", "SourceSystem", "SourceRecord", "TargetSystem", "TargetRecord",
            "After", "MappingVersion", "Outcome", "Attempt", "Detail", "PreviousHash", "Hash");
        for (long sequence = 1; sequence <= size.Entries; sequence++)
        {
            if (sequence % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var n = (int)((sequence - 1) % size.Cases);
            var step = (int)((sequence - 1) / size.Cases);
            var (kind, outcome, source, sourceRecord, target, targetRecord) = step switch
            {
                0 => ("Created", JournalOutcome.Observed, "servicedesk", SeededReferences.TopDeskId(n), (string?)null, (string?)null),
                1 => ("LinkCreated", JournalOutcome.Applied, "servicedesk", SeededReferences.TopDeskId(n), "facility", SeededReferences.DynamicsId(n)),
                2 => ("LinkCreated", JournalOutcome.Applied, "facility", SeededReferences.DynamicsId(n), "contractor", SeededReferences.WorkOrder(n)),
                _ => (LaterKinds[step % LaterKinds.Length], JournalOutcome.Applied, "contractor", SeededReferences.WorkOrder(n), "facility", SeededReferences.DynamicsId(n)),
            };
            insert.Add(
                sequence, Start.AddSeconds(sequence * 30).UtcTicks, SeededReferences.HubId(n), kind,
                source, sourceRecord, target, targetRecord,
                "{\"status\":\"InProgress\",\"note\":\"Monteur is onderweg naar de locatie\"}", "2026.1", outcome, 0,
                "Step " + step + " of the chain for case " + n,
                sequence == 1 ? JournalHash.Genesis : PlaceholderHash, PlaceholderHash);
        }
    }
}
