using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Hub.Deploy.Tests;

/// <summary>The linux-x64 publish profile makes one self-contained executable that runs the whole chain.</summary>
[Collection(PublishedLinuxHubGroup.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class SingleFileHubTests(PublishedLinuxHub published, ITestOutputHelper log) : IDisposable
{
    private readonly string extractTo = Directory.CreateTempSubdirectory("hub-extract-").FullName;

    [Fact]
    public void The_publish_is_one_executable_with_the_configuration_and_mappings_beside_it()
    {
        log.WriteLine($"published in {published.PublishTime.TotalSeconds:0} s");
        var files = Directory.GetFiles(published.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(published.Folder, f))
            .ToList();

        Assert.Contains("hub", files);
        Assert.Contains("appsettings.json", files);
        Assert.Contains(Path.Combine("mappings", "routes.json"), files);
        Assert.DoesNotContain(files, f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".so", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(published.Folder, "hub.dll")));
    }

    [Fact]
    public async Task The_single_file_hub_prints_its_version_and_the_commit_it_was_built_from()
    {
        var version = await ChildProcess.RunAsync(published.Hub, ["--version"], TimeSpan.FromMinutes(1), Extraction);

        GitCheckout.AssertVersionLine(version);
    }

    [Fact]
    public async Task The_sandbox_makes_the_round_trip_with_the_single_file_hub()
    {
        await using var sandbox = SandboxProcess.Start("--once", "--hub", published.Hub);

        var exit = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(4));
        log.WriteLine(sandbox.Output);

        Assert.Equal(0, exit);
        Assert.Contains($"(hub run, pid ", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("status: Gereed (completed)", sandbox.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"The hub's record of it, case HUB-\d{4}-\d{6} \(status Resolved\)"), sandbox.Output);
    }

    /// <summary>Where the binary writes out its native SQLite library: a folder of this test, not ~/.net.</summary>
    private Dictionary<string, string> Extraction => new() { ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = extractTo };

    public void Dispose() => Directory.Delete(extractTo, recursive: true);
}
