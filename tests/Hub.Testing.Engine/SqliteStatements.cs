using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Hub.Testing.Engine;

/// <summary>
/// The SQL statements SQLite itself runs on one database file while a test counts, as the profile counts them
/// (docs/performance/cpu-shipped.md): every native connection the hub opens on the file is traced with
/// <c>sqlite3_trace</c>, so each statement is seen once when it starts, whoever prepared it (EF Core, a
/// transaction's BEGIN and COMMIT, the pragmas of a connection opening). Nothing of the hub is replaced: the trace is
/// set from EF Core's own diagnostic event for each connection it opens.
/// </summary>
public sealed class SqliteStatements : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly string file;
    private readonly ConcurrentQueue<string> seen = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly strdelegate_trace trace;
    private volatile bool counting;

    private SqliteStatements(string file)
    {
        this.file = file;
        trace = OnStatement;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Starts tracing the connections opened on <paramref name="file"/>; counts once <see cref="Count"/> is called.</summary>
    public static SqliteStatements On(string file) => new(file);

    /// <summary>
    /// As <see cref="On"/>, and waits until EF Core sees the listener: it goes on for up to a second with what it found
    /// out about its listeners (CoreOptionsExtension.LoggingCacheTime), so a command right away would not be seen. Needed
    /// where the connection was opened before (a pooled context keeps its SQLite connection open).
    /// </summary>
    public static async Task<SqliteStatements> OnOpenedAsync(string file)
    {
        var statements = new SqliteStatements(file);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return statements;
    }

    /// <summary>Counts from now on (what ran before, e.g. the test's setting up, is forgotten).</summary>
    public void Count()
    {
        seen.Clear();
        counting = true;
    }

    /// <summary>
    /// Stops counting; the statements counted, in the order they started, without the pragmas every connection opening
    /// runs (counted apart in the profile, and not the work of the code a test measures).
    /// </summary>
    public IReadOnlyList<string> Stop()
    {
        counting = false;
        return [.. seen.Where(s => !s.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Of <paramref name="statements"/>, those that start with <paramref name="verb"/> and name <paramref name="table"/>.</summary>
    public static int Of(IEnumerable<string> statements, string verb, string table) =>
        statements.Count(s => s.TrimStart().StartsWith(verb, StringComparison.OrdinalIgnoreCase) && s.Contains($"\"{table}\"", StringComparison.Ordinal));

    public void Dispose()
    {
        counting = false;
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                // A pooled context keeps its SQLite connection open between units of work (SqliteConnectionKeptOpen), so
                // a connection opened before the count is traced at EF Core's next command on it.
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.ConnectionOpened.Name || name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        var opened = value.Value switch
        {
            ConnectionEndEventData { Connection: SqliteConnection connection } => connection,
            CommandEventData { Connection: SqliteConnection connection } => connection,
            _ => null,
        };
        if (opened is { Handle: { } handle } && string.Equals(opened.DataSource, file, StringComparison.Ordinal))
        {
            raw.sqlite3_trace(handle, trace, null);
        }
    }

    /// <summary>SQLite calls this as each statement starts, with its text (parameters filled in); "--" marks a trigger's.</summary>
    private void OnStatement(object userData, string sql)
    {
        if (counting && sql is { } text && !text.StartsWith("--", StringComparison.Ordinal))
        {
            seen.Enqueue(text);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
