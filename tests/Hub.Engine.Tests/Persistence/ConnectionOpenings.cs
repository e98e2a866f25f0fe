using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// Counts the connection openings of one test database, as EF Core reports them on its diagnostic listener
/// (<see cref="RelationalEventId.ConnectionOpened"/>): each is a connection taken from the pool (on SQLite, with whatever
/// Microsoft.Data.Sqlite does to hand a native connection over). Openings of other tests' databases are not counted.
/// </summary>
internal sealed class ConnectionOpenings : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Func<DbConnection, bool> ofDatabase;
    private readonly IDisposable listening;
    private readonly List<IDisposable> listeners = [];
    private int count;

    private ConnectionOpenings(HubDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            ofDatabase = connection => connection is SqliteConnection
                                       && new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource == database.DataSource;
        }
        else
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            ofDatabase = connection => connection is NpgsqlConnection && connection.Database == name;
        }

        listening = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>
    /// How long EF Core goes on with what it found out about its listeners (CoreOptionsExtension.LoggingCacheTime, one
    /// second by default): a context that asked just before the counting started does not report to it until then.
    /// </summary>
    private static readonly TimeSpan ListenersCached = TimeSpan.FromSeconds(1.5);

    /// <summary>Starts counting the openings of <paramref name="database"/>, once every context of it reports them.</summary>
    public static async Task<ConnectionOpenings> StartAsync(HubDatabase database)
    {
        var openings = new ConnectionOpenings(database);
        await Task.Delay(ListenersCached);
        openings.Take();
        return openings;
    }

    /// <summary>The openings counted since the start or the last call, and counting again from zero.</summary>
    public int Take() => Interlocked.Exchange(ref count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (listeners)
            {
                listeners.Add(value.Subscribe(this, name => name == RelationalEventId.ConnectionOpened.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is ConnectionEndEventData opened && ofDatabase(opened.Connection))
        {
            Interlocked.Increment(ref count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        listening.Dispose();
        lock (listeners)
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
