using System.Diagnostics;

namespace Hub.Deploy.Tests;

/// <summary>
/// `dotnet publish src/Hub/Hub.Host -p:PublishProfile=linux-x64`, as an operator runs it, once for all the tests that
/// need it, in Release for linux-x64, self-contained, as one file, exactly as it ships (IL only: the profile compiles
/// nothing ahead of time). Its Release build output is its own: the tests run from the Debug build.
/// </summary>
public sealed class PublishedLinuxHub : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("hub-linux-x64-").FullName;

    public string Hub => Path.Combine(Folder, "hub");

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        var publish = await ChildProcess.RunAsync(
            "dotnet",
            ["publish", Repository.File("src", "Hub", "Hub.Host", "Hub.Host.csproj"), "-p:PublishProfile=linux-x64", "-o", Folder, "--nologo"],
            TimeSpan.FromMinutes(20));
        PublishTime = watch.Elapsed;
        Assert.True(publish.ExitCode == 0, $"dotnet publish -p:PublishProfile=linux-x64: {publish}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedLinuxHubGroup : ICollectionFixture<PublishedLinuxHub>
{
    public const string Name = "the linux-x64 single-file hub, published once";
}
