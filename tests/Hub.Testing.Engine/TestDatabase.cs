using System.Data.Common;
using Hub.Engine.Persistence;

namespace Hub.Testing.Engine;

/// <summary>
/// One test's correlation log, opened through the hub's own <see cref="HubDatabase"/> and migrated as at start.
/// Raw SQL goes past the hub straight to the database, as someone tampering with it would.
/// </summary>
public abstract class TestDatabase(DatabaseOptions options, string baseDirectory) : IAsyncDisposable
{
    public DatabaseOptions Options { get; } = options;

    public HubDatabase Database { get; } = new(options, baseDirectory);

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The hub starting again on the same database (a second process, a restart).</summary>
    public HubDatabase StartAgain() => new(Options, baseDirectory);

    /// <summary>Runs SQL on the database directly. Quote column names ("After"): PostgreSQL folds bare names to lower case.</summary>
    public abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Names of the tables in the database, for schema checks.</summary>
    public abstract Task<IReadOnlyList<string>> TableNamesAsync();

    public abstract ValueTask DisposeAsync();

    protected static async Task<IReadOnlyList<string>> ReadNamesAsync(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
