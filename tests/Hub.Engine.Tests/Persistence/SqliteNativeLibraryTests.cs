using Xunit.Abstractions;

namespace Hub.Engine.Tests.Persistence;

/// <summary>The native SQLite the hub actually loads, read through its own connection, not the package number on paper.</summary>
public sealed class SqliteNativeLibraryTests(ITestOutputHelper log)
{
    /// <summary>CVE-2025-6965 (GHSA-2m69-gcr7-jv3q): memory corruption in SQLite before 3.50.2.</summary>
    private static readonly Version FirstFixed = new(3, 50, 2);

    [Fact]
    public async Task The_sqlite_the_hub_loads_is_3_50_2_or_later_so_CVE_2025_6965_is_fixed()
    {
        await using var temp = await SqliteTestDatabase.CreateAsync();
        await using var db = temp.Database.CreateContext();

        var loaded = await db.Database.SqlQueryRaw<string>("select sqlite_version() as \"Value\"").SingleAsync();

        log.WriteLine($"native SQLite loaded by the hub: {loaded}");
        Assert.True(Version.Parse(loaded) >= FirstFixed, $"the hub loads SQLite {loaded}; CVE-2025-6965 is fixed only from {FirstFixed}");
    }
}
