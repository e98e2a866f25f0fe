namespace Hub.Testing.Engine;

/// <summary>Tests that start from a fresh temp database holding the <see cref="ComplaintChain"/>.</summary>
public abstract class SeededChainTests : IAsyncLifetime
{
    public SqliteTestDatabase Temp { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Temp = await SqliteTestDatabase.CreateAsync();
        await ComplaintChain.SeedAsync(Temp.Database);
    }

    public virtual async Task DisposeAsync() => await Temp.DisposeAsync();
}
