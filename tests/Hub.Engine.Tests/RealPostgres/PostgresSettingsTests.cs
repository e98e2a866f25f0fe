using Npgsql;

namespace Hub.Engine.Tests.RealPostgres;

/// <summary>What an operator who sets Hub:Database:Provider = Postgres sees when the connection string is wrong.</summary>
[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class PostgresSettingsTests(PostgresServer server)
{
    [Theory]
    [InlineData("Data Source=hub.db")] // the SQLite default, left in place when only the provider was switched
    [InlineData("")]
    [InlineData("Database=hub;Username=hub")]
    [InlineData("Host=db.example.org;Username=hub")]
    [InlineData("Hots=db.example.org;Database=hub")]
    public void A_connection_string_postgres_cannot_use_is_refused_at_start_with_the_key_and_an_example(string connectionString)
    {
        var error = Assert.Throws<HubConfigurationException>(() => Open(connectionString));

        Assert.Equal("Hub:Database:ConnectionString", error.Key);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_is_named_for_the_log_without_its_password()
    {
        var database = Open("Host=db.example.org;Port=5433;Database=hub;Username=hub;Password=s3cret-pw");

        Assert.Equal("PostgreSQL db.example.org:5433/hub", database.DataSource);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_start_with_the_servers_reason_and_without_the_password()
    {
        await using var temp = await ((IDatabaseSource)server).CreateAsync();
        var wrong = new NpgsqlConnectionStringBuilder(temp.Options.ConnectionString) { Password = "not-the-pw-7731" };

        var error = await Assert.ThrowsAsync<PostgresException>(() => Open(wrong.ConnectionString).MigrateAsync(CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
        Assert.DoesNotContain("not-the-pw-7731", error.ToString(), StringComparison.Ordinal);
    }

    private static HubDatabase Open(string connectionString) =>
        new(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, "/etc/hub");
}
