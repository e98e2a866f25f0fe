using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Persistence;

/// <summary>
/// Inserts or replaces adapter state values without reading them first: <c>INSERT … ON CONFLICT (system, key) DO UPDATE</c>,
/// the same text on SQLite and PostgreSQL. The keys must be distinct (PostgreSQL refuses to change one row twice in a
/// statement). Up to <see cref="RowsPerStatement"/> keys go in one statement, which is atomic by itself; more than that
/// (no adapter writes as many at once) go in several statements inside one transaction, so it stays all or none.
/// </summary>
internal static class AdapterStateUpsert
{
    /// <summary>Three parameters a row: far below SQLite's and PostgreSQL's limits on parameters per statement.</summary>
    public const int RowsPerStatement = 100;

    private static readonly ConcurrentDictionary<int, string> Statements = new();

    public static async Task RunAsync(HubDbContext db, string systemName, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        if (values.Count <= RowsPerStatement)
        {
            await RunOneAsync(db, systemName, values, cancellationToken).ConfigureAwait(false);
            return;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var chunk in values.Chunk(RowsPerStatement))
            {
                await RunOneAsync(db, systemName, chunk, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> RunOneAsync(HubDbContext db, string systemName, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var parameters = new object[values.Count * 3];
        for (var i = 0; i < values.Count; i++)
        {
            parameters[(i * 3) + 0] = systemName;
            parameters[(i * 3) + 1] = values[i].Key;
            parameters[(i * 3) + 2] = values[i].Value;
        }

        return db.Database.ExecuteSqlRawAsync(Statements.GetOrAdd(values.Count, Text), parameters, cancellationToken);
    }

    private static string Text(int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"adapter_state\" (\"SystemName\", \"Key\", \"Value\") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var first = i * 3;
            sql.Append(i == 0 ? "(" : ", (").Append('{').Append(first).Append("}, {").Append(first + 1).Append("}, {").Append(first + 2).Append("})");
        }

        return sql.Append(" ON CONFLICT (\"SystemName\", \"Key\") DO UPDATE SET \"Value\" = excluded.\"Value\"").ToString();
    }
}
