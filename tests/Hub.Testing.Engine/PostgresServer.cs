using System.Diagnostics;
using System.Globalization;
using Hub.Engine.Persistence;
using Npgsql;

namespace Hub.Testing.Engine;

/// <summary>
/// A private PostgreSQL cluster for the test run, from the installed Debian package: initdb into a temporary
/// directory owned by the postgres OS user, started on 127.0.0.1 and a free high port with its socket inside that
/// directory, a login role with a password for the hub, and one fresh database per test. Stopped and deleted at the end.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IDatabaseSource, IDisposable
{
    /// <summary>
    /// The name of the collection whose tests share one cluster. xUnit takes a collection definition only from the test
    /// assembly itself, so each test project that uses the cluster declares one with this name (its RealPostgresGroup).
    /// </summary>
    public const string CollectionName = "Real PostgreSQL";

    private const string InstallHint = "Install it with: apt-get install -y postgresql (test.sh does this when run as root).";
    private const string HubRole = "hub";

    /// <summary>A database the hub's migrations were applied to once, copied for each test that needs a started hub.</summary>
    internal const string MigratedTemplate = "hub_migrated_template";

    private readonly string root = Path.Combine(Path.GetTempPath(), "hub-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string superuserPassword = "su-" + Guid.NewGuid().ToString("N");
    private readonly string hubPassword = "hub-" + Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim creating = new(1, 1);
    private string bin = string.Empty;
    private bool started;
    private int databases;

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(root, "data");

    public async Task InitializeAsync()
    {
        bin = FindBinaries();
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests start a private cluster as the postgres OS user, which needs root: run the tests as root (as CI and test.sh do).");
        }

        Port = FreeLoopbackPort.Find();
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "socket"));
        var passwordFile = Path.Combine(root, "superuser.pw");
        await File.WriteAllTextAsync(passwordFile, superuserPassword);
        await RunAsync("chown", ["-R", "postgres:postgres", root]);
        await RunAsync("chmod", ["700", root]);

        await RunAsPostgresAsync(
            Path.Combine(bin, "initdb"), "-D", DataDirectory, "-U", "postgres", "--pwfile", passwordFile,
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
        File.Delete(passwordFile);

        // Durability is the server's business, not the test's: fsync off keeps a test run fast.
        var settings = string.Join(' ', "-c listen_addresses=127.0.0.1", $"-p {Port}", $"-k {Path.Combine(root, "socket")}", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(root, "server.log"), "-o", settings, "-w", "-t", "60", "start");
        started = true;

        await using (var admin = await OpenAdminAsync("postgres"))
        {
            await ExecuteAsync(admin, $"CREATE ROLE {HubRole} LOGIN PASSWORD '{hubPassword}'");
        }

        var template = await CreateDatabaseAsync(MigratedTemplate, "template1");
        await new HubDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = template }, root).MigrateAsync(CancellationToken.None);
        await using var pooled = new NpgsqlConnection(template);
        NpgsqlConnection.ClearPool(pooled); // a template cannot be copied while anyone is connected to it
    }

    /// <summary>A fresh database copied from <paramref name="template"/>, owned by the hub's role, reached over TCP with the role's password.</summary>
    public Task<string> CreateDatabaseAsync(string template) =>
        CreateDatabaseAsync("hub_test_" + Interlocked.Increment(ref databases).ToString(CultureInfo.InvariantCulture), template);

    private async Task<string> CreateDatabaseAsync(string name, string template)
    {
        await creating.WaitAsync();
        try
        {
            await using var admin = await OpenAdminAsync("postgres");
            // FILE_COPY copies the template's files (a third of the time WAL_LOG takes to log them block by block).
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {template} OWNER {HubRole} STRATEGY FILE_COPY");
            return new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = Port, Database = name, Username = HubRole, Password = hubPassword,
            }.ConnectionString;
        }
        finally
        {
            creating.Release();
        }
    }

    /// <summary>Drops one test's database, closing the connections its pool still holds.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = await OpenAdminAsync("postgres");
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    async Task<TestDatabase> IDatabaseSource.CreateAsync() =>
        await PostgresTestDatabase.CreateAsync(this, started: true);

    async Task<TestDatabase> IDatabaseSource.CreateEmptyAsync() =>
        await PostgresTestDatabase.CreateAsync(this, started: false);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools(); // before the server stops, so no pooled connection is left to a dead server
        if (started)
        {
            await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server process still exiting may hold a file; the directory is under the temp folder.
        }
    }

    public void Dispose() => creating.Dispose();

    private async Task<NpgsqlConnection> OpenAdminAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres", Password = superuserPassword,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The newest installed server's bin directory (/usr/lib/postgresql/15/bin on Debian 12).</summary>
    private static string FindBinaries()
    {
        const string installs = "/usr/lib/postgresql";
        var newest = Directory.Exists(installs)
            ? Directory.GetDirectories(installs)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "initdb")) && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a PostgreSQL server, but no initdb and pg_ctl were found under {installs}/<version>/bin. {InstallHint}");
    }

    private Task RunAsPostgresAsync(string program, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], () => ServerLog());

    private string ServerLog()
    {
        var path = Path.Combine(root, "server.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    private static async Task RunAsync(string program, string[] arguments, Func<string>? log = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {string.Concat(output)} {log?.Invoke()}");
        }
    }
}
