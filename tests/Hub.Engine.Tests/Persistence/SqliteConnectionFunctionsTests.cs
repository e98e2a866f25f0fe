using Microsoft.Data.Sqlite;

namespace Hub.Engine.Tests.Persistence;

/// <summary>
/// A unit of work's SQLite connection carries none of EF Core's SQL functions, so opening and closing it registers and
/// removes nothing on the native connection; and the hub's model gives EF Core no reason to call one.
/// </summary>
public sealed class SqliteConnectionFunctionsTests
{
    [Theory]
    [InlineData("SELECT ef_add(1, 2)")]
    [InlineData("SELECT regexp('a', 'a')")]
    [InlineData("SELECT 1 ORDER BY '1' COLLATE EF_DECIMAL")]
    public async Task A_unit_of_works_connection_carries_none_of_EF_Cores_functions(string sql)
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await using var db = temp.Database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;

        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync());

        Assert.Contains("no such", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>EF Core's SQLite provider calls its functions for decimal values only (and <c>Regex.IsMatch</c>).</summary>
    [Fact]
    public async Task No_column_of_the_hubs_model_is_a_decimal()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await using var db = temp.Database.CreateContext();

        var decimals = db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties())
            .Where(property => IsDecimal(property.ClrType) || IsDecimal(property.GetTypeMapping().Converter?.ProviderClrType))
            .Select(property => $"{property.DeclaringType.ClrType.Name}.{property.Name}");

        Assert.Empty(decimals);
    }

    private static bool IsDecimal(Type? type) => type is not null && (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal);
}
