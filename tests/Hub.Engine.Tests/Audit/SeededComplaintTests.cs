
namespace Hub.Engine.Tests.Audit;

/// <summary>Tests that start from a fresh database of the given provider holding the <see cref="ComplaintChain"/>.</summary>
public abstract class SeededComplaintTests(IDatabaseSource databases) : IAsyncLifetime
{
    protected TestDatabase Temp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Temp = await databases.CreateAsync();
        await ComplaintChain.SeedAsync(Temp.Database);
    }

    public async Task DisposeAsync() => await Temp.DisposeAsync();
}
