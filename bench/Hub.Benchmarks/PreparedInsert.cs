using Microsoft.Data.Sqlite;

namespace Hub.Benchmarks;

/// <summary>One prepared INSERT reused for every row of a table, inside the caller's transaction.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Table and column names are this program's constants; every value goes through a parameter.
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
#pragma warning restore CA2100
        parameters = [.. columns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text))];
        foreach (var parameter in parameters)
        {
            parameter.Value = DBNull.Value;
        }

        command.Prepare();
    }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = values[i] ?? DBNull.Value;
            parameters[i].SqliteType = value is long or int ? SqliteType.Integer : SqliteType.Text;
            parameters[i].Value = value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
