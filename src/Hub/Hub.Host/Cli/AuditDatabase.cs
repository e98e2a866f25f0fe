using System.CommandLine;
using Hub.Engine.Persistence;
using Hub.Host.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Cli;

/// <summary>
/// Opens the correlation log for a read-only audit command (verify, trace, log, archive), from the configuration
/// given with --config. Never creates or migrates: a missing or unmigrated database is <see cref="Unavailable"/>.
/// </summary>
internal static class AuditDatabase
{
    /// <summary>Exit code when there is no hub database to read (2 is a configuration error, 3 another hub holding the database).</summary>
    public const int Unavailable = 4;

    /// <summary>Runs <paramref name="read"/> on the database, or says why there is none and returns <see cref="Unavailable"/>.</summary>
    public static async Task<int> ReadAsync(ParseResult parse, Func<HubDbContext, Task<int>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(read);
        HubDbContext db;
        try
        {
            db = await OpenAsync(parse, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditDatabaseUnavailableException unavailable)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"hub: {unavailable.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return Unavailable;
        }

        await using (db.ConfigureAwait(false))
        {
            return await read(db).ConfigureAwait(false);
        }
    }

    private static async Task<HubDbContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken) =>
        (await OpenAsync(CliConfiguration.From(parse), cancellationToken).ConfigureAwait(false)).CreateContext();

    /// <summary>The hub database of the configuration, opened read-only; <see cref="AuditDatabaseUnavailableException"/> when there is none to read.</summary>
    public static async Task<HubDatabase> OpenAsync(HubConfiguration configuration, CancellationToken cancellationToken)
    {
        var database = HubDatabaseOpener.OpenReadOnly(configuration);
        if (database.Provider == DatabaseProvider.Sqlite && database.DataSource != ":memory:" && !File.Exists(database.DataSource))
        {
            throw new AuditDatabaseUnavailableException($"no hub database at {database.DataSource}. 'hub run' creates it; check Hub:Database:ConnectionString in the configuration given with --config.");
        }

        if (database.Provider == DatabaseProvider.Postgres && !await CanConnectAsync(database, cancellationToken).ConfigureAwait(false))
        {
            throw new AuditDatabaseUnavailableException($"cannot open {database.DataSource}: the database does not exist or the server refused the connection. 'hub run' creates it; check Hub:Database:ConnectionString.");
        }

        IReadOnlyList<string> pending;
        try
        {
            pending = await database.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException failure)
        {
            throw new AuditDatabaseUnavailableException($"{database.DataSource} cannot be read as a hub database (SQLite error {failure.SqliteErrorCode}). 'hub run' creates one.", failure);
        }

        if (pending.Count > 0)
        {
            throw new AuditDatabaseUnavailableException(
                $"{database.DataSource} is not a hub database of this version: {pending.Count} of the hub's migrations are not applied (first missing: {pending[0]}). 'hub run' creates or brings it up to date; audit commands never change it.");
        }

        return database;
    }

    private static async Task<bool> CanConnectAsync(HubDatabase database, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
