using Microsoft.Data.Sqlite;

namespace Hub.Benchmarks;

/// <summary>
/// The secondary indexes of some tables, dropped before a bulk load and built again after it from the very SQL the
/// migrations created them with (as kept in <c>sqlite_master</c>), so the schema ends exactly as the hub's. Building an
/// index once over sorted rows is far cheaper than keeping it up to date through millions of scattered inserts.
/// Indexes SQLite made itself (a primary key or UNIQUE constraint's) have no SQL and stay.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Name, string Sql)> dropped;

    private DeferredIndexes(List<(string Name, string Sql)> dropped) => this.dropped = dropped;

    public int Count => dropped.Count;

    public static DeferredIndexes Drop(SqliteConnection connection, params string[] tables)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select((_, i) => "$t" + i))}) ORDER BY name";
            for (var i = 0; i < tables.Length; i++)
            {
                query.Parameters.AddWithValue("$t" + i, tables[i]);
            }

            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name}\"");
        }

        return new DeferredIndexes(indexes);
    }

    public void Rebuild(SqliteConnection connection)
    {
        foreach (var (_, sql) in dropped)
        {
            Execute(connection, sql);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The schema's own index names and SQL, read from sqlite_master.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
