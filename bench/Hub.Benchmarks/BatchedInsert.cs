using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Benchmarks;

/// <summary>
/// One INSERT of <see cref="RowsPerStatement"/> rows, prepared once and reused, values bound by position straight on
/// the connection's SQLite handle (no per-call parameter lookup by name), inside the caller's transaction. Rows are
/// buffered until a statement's worth is there; <see cref="Complete"/> writes the rest.
/// </summary>
internal sealed class BatchedInsert : IDisposable
{
    public const int RowsPerStatement = 32;
    private readonly sqlite3 handle;
    private readonly string table;
    private readonly string[] columns;
    private readonly sqlite3_stmt full;
    private readonly object?[] pending;
    private int rows;

    public BatchedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        handle = connection.Handle ?? throw new InvalidOperationException("Open the connection first.");
        this.table = table;
        this.columns = columns;
        pending = new object?[RowsPerStatement * columns.Length];
        full = Prepare(RowsPerStatement);
    }

    /// <summary>Rows written so far (buffered ones not counted).</summary>
    public long Written { get; private set; }

    /// <summary>One row: a value per column, in the constructor's order; long, int, string or null.</summary>
    public void Add(params object?[] values)
    {
        values.CopyTo(pending, rows * columns.Length);
        if (++rows == RowsPerStatement)
        {
            Write(full, rows);
        }
    }

    /// <summary>Writes the rows still buffered (fewer than a full statement).</summary>
    public void Complete()
    {
        if (rows == 0)
        {
            return;
        }

        using var rest = Prepare(rows);
        Write(rest, rows);
    }

    public void Dispose() => full.Dispose();

    private sqlite3_stmt Prepare(int rowCount)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns.Length)) + ")";
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), "prepare");
        return statement;
    }

    private void Write(sqlite3_stmt statement, int rowCount)
    {
        for (var i = 0; i < rowCount * columns.Length; i++)
        {
            var index = i + 1; // SQLite numbers the ?s from 1
            Check(pending[i] switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                string text => raw.sqlite3_bind_text(statement, index, text),
                var other => throw new ArgumentException($"{table}: cannot write a {other.GetType().Name}."),
            }, "bind");
        }

        var stepped = raw.sqlite3_step(statement);
        if (stepped != raw.SQLITE_DONE)
        {
            Check(stepped, "insert");
        }

        Check(raw.sqlite3_reset(statement), "reset");
        Written += rowCount;
        rows = 0;
    }

    private void Check(int code, string what)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"{table}: {what} failed, SQLite error {code}: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
        }
    }
}
