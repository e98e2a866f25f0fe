
namespace Hub.Host.Tests.Audit;

/// <summary>One 100,000-entry journal shared by the `hub log` tests (seeded once: a prepared insert in one transaction).</summary>
public sealed class LargeJournalFixture : IAsyncLifetime
{
    internal SqliteTestDatabase Temp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Temp = await SqliteTestDatabase.CreateAsync();
        await LargeJournal.SeedAsync(Temp.FilePath);
    }

    public async Task DisposeAsync() => await Temp.DisposeAsync();
}

/// <summary>
/// The large-journal tests run alone: the memory test measures the managed heap, which other tests running
/// at the same time would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeJournalGroup : ICollectionFixture<LargeJournalFixture>
{
    public const string Name = "Large journal";
}
