using System.Text.Json;
using Hub.Host.Cli;
using Npgsql;

namespace Hub.Host.Tests.Audit;

/// <summary>On PostgreSQL too the audit commands never migrate: a database `hub run` never started on, or none at all, is an error.</summary>
[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class AuditWithoutPostgresDatabaseTests(PostgresServer server) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hub-audit-pg-").FullName;

    [Theory]
    [InlineData("verify")]
    [InlineData("trace HUB-2026-000042")]
    [InlineData("log")]
    public async Task When_the_postgres_database_was_never_started_on_the_command_fails_and_creates_no_table(string command)
    {
        await using var empty = await PostgresTestDatabase.CreateAsync(server, started: false);
        var password = new NpgsqlConnectionStringBuilder(empty.Options.ConnectionString).Password!;

        var result = await HubCliRun.RunWithConfigAsync(Config(empty.Options.ConnectionString), command.Split(' '));

        Assert.Equal(AuditDatabase.Unavailable, result.ExitCode);
        Assert.Contains($"{empty.Database.DataSource} is not a hub database", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, result.Error, StringComparison.Ordinal);
        Assert.Empty(await empty.TableNamesAsync());
    }

    [Fact]
    public async Task When_the_postgres_database_does_not_exist_verify_fails_naming_it_without_the_password()
    {
        await using var existing = await PostgresTestDatabase.CreateAsync(server, started: false);
        var missing = new NpgsqlConnectionStringBuilder(existing.Options.ConnectionString) { Database = "hub_not_there" };

        var result = await HubCliRun.RunWithConfigAsync(Config(missing.ConnectionString), "verify");

        Assert.Equal(AuditDatabase.Unavailable, result.ExitCode);
        Assert.Contains("cannot open PostgreSQL 127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("/hub_not_there", result.Error, StringComparison.Ordinal);
        Assert.Contains("'hub run' creates it", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(missing.Password!, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Config(string connectionString)
    {
        var file = Path.Combine(directory, "appsettings.json");
        var settings = new { Hub = new { Database = new { Provider = "Postgres", ConnectionString = connectionString } } };
        File.WriteAllText(file, JsonSerializer.Serialize(settings));
        return file;
    }
}
