using System.Globalization;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Hub.Testing.Engine;

/// <summary>
/// A year's worth of journal (100,000 entries over 1,000 cases, one a minute), hash-chained, written with one
/// prepared insert in one transaction. <see cref="Entries"/> regenerates the same rows, as the oracle for filters.
/// </summary>
public static class LargeJournal
{
    public const int Count = 100_000;
    public const int Cases = 1_000;

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Systems = ["servicedesk", "facility", "contractor"];
    private static readonly string[] Kinds = ["Created", "StatusChanged", "CommentAdded", "AppointmentSet", "Resolved"];

    public static IEnumerable<JournalEntry> Entries()
    {
        var previous = JournalHash.Genesis;
        for (long sequence = 1; sequence <= Count; sequence++)
        {
            var i = (int)sequence;
            var entry = new JournalEntry
            {
                Sequence = sequence,
                At = Start.AddMinutes(i),
                CaseId = CaseIdOf(i % Cases),
                Kind = Kinds[i % Kinds.Length],
                SourceSystem = Systems[i % 3],
                SourceRecord = "rec-" + (i % Cases).ToString(CultureInfo.InvariantCulture),
                TargetSystem = i % 4 == 0 ? null : Systems[(i + 1) % 3],
                TargetRecord = i % 4 == 0 ? null : "tgt-" + (i % Cases).ToString(CultureInfo.InvariantCulture),
                After = "{\"status\":\"InProgress\",\"note\":\"Monteur is onderweg naar de locatie\"}",
                MappingVersion = "2026.1",
                Outcome = i % 10 == 0 ? JournalOutcome.Failed : JournalOutcome.Applied,
                Attempt = i % 10 == 0 ? 1 : 0,
                Error = i % 10 == 0 ? "HTTP 503 from the target, will retry" : null,
                Detail = "Entry " + i.ToString(CultureInfo.InvariantCulture) + ": status forwarded along the chain, caller informed",
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = JournalHash.Compute(entry);
            previous = entry.Hash;
            yield return entry;
        }
    }

    public static string CaseIdOf(int n) => "HUB-2026-" + n.ToString("000000", CultureInfo.InvariantCulture);

    public static async Task SeedAsync(string dataSource)
    {
        await using var connection = new SqliteConnection($"Data Source={dataSource}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        string[] columns = ["Sequence", "At", "CaseId", "Kind", "SourceSystem", "SourceRecord", "TargetSystem", "TargetRecord", "Before", "After", "MappingVersion", "Outcome", "Attempt", "Error", "Detail", "PreviousHash", "Hash"];
        command.CommandText = $"INSERT INTO journal ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var parameters = columns.ToDictionary(c => c, c => command.Parameters.AddWithValue("$" + c, DBNull.Value));
        await command.PrepareAsync();
        foreach (var e in Entries())
        {
            object?[] values = [e.Sequence, e.At.UtcTicks, e.CaseId, e.Kind, e.SourceSystem, e.SourceRecord, e.TargetSystem, e.TargetRecord, e.Before, e.After, e.MappingVersion, e.Outcome, e.Attempt, e.Error, e.Detail, e.PreviousHash, e.Hash];
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[columns[c]].Value = values[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
