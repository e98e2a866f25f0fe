using Hub.Host.Cli;
using Microsoft.Data.Sqlite;

namespace Hub.Host.Tests.Audit;

/// <summary>The audit commands read; they never create or migrate a database, so a wrong path is an error, not an empty journal.</summary>
public sealed class AuditWithoutDatabaseTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hub-audit-" + Guid.NewGuid().ToString("N"));

    public AuditWithoutDatabaseTests()
    {
        Directory.CreateDirectory(directory);
    }

    private string DatabaseFile => Path.Combine(directory, "typo.db");

    private string ArchiveFile => Path.Combine(directory, "out", "archive.jsonl");

    public static TheoryData<string> AuditCommands => new()
    {
        "verify",
        "trace HUB-2026-000042",
        "log",
        "log --format json",
        "archive --out {archive}",
    };

    [Theory]
    [MemberData(nameof(AuditCommands))]
    public async Task When_the_configured_database_does_not_exist_the_command_fails_and_creates_nothing(string command)
    {
        var result = await HubCliRun.RunWithConfigAsync(Config(), Args(command));

        Assert.Equal(AuditDatabase.Unavailable, result.ExitCode);
        Assert.False(File.Exists(DatabaseFile), "the audit command created the database it was asked to read");
        Assert.False(File.Exists(ArchiveFile), "an archive was written without a database");
        Assert.Contains(DatabaseFile, result.Error, StringComparison.Ordinal);
        Assert.Contains("'hub run' creates it", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuditCommands))]
    public async Task When_the_database_file_is_empty_the_command_fails_and_leaves_it_unmigrated(string command)
    {
        await File.WriteAllBytesAsync(DatabaseFile, []);

        var result = await HubCliRun.RunWithConfigAsync(Config(), Args(command));

        Assert.Equal(AuditDatabase.Unavailable, result.ExitCode);
        Assert.Contains(DatabaseFile, result.Error, StringComparison.Ordinal);
        Assert.Contains("'hub run'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(DatabaseFile).Length);
        Assert.False(File.Exists(ArchiveFile), "an archive was written from an unmigrated database");
    }

    [Theory]
    [MemberData(nameof(AuditCommands))]
    public async Task When_the_database_holds_other_tables_but_not_the_hubs_the_command_fails_without_migrating(string command)
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)";
            await create.ExecuteNonQueryAsync();
        }

        var result = await HubCliRun.RunWithConfigAsync(Config(), Args(command));

        Assert.Equal(AuditDatabase.Unavailable, result.ExitCode);
        Assert.Contains($"{DatabaseFile} is not a hub database", result.Error, StringComparison.Ordinal);
        Assert.Equal(["notes"], await TablesAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private string[] Args(string command) => [.. command.Split(' ').Select(a => a == "{archive}" ? ArchiveFile : a)];

    private string Config()
    {
        var file = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(file, """{ "Hub": { "Database": { "Provider": "Sqlite", "ConnectionString": "Data Source=typo.db" } } }""");
        return file;
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
