using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Hub.Sandbox.Tests;

/// <summary>
/// The README's first command: the sandbox starts the simulators, runs the real `hub` as a child process against
/// them, narrates the demo complaint from the hub's own API, and leaves no hub running behind it however it ends.
/// </summary>
[Collection(OneSandboxAtATime.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class SandboxRoundTripTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task With_once_the_demo_complaint_travels_the_whole_chain_and_back_and_the_sandbox_exits_0_leaving_no_hub()
    {
        await using var sandbox = SandboxProcess.Start("--once");

        var exit = await sandbox.WaitForExitAsync(Patience);
        log.WriteLine(sandbox.Output);

        Assert.Equal(0, exit);
        var output = sandbox.Output;
        Assert.Contains("Eva Jansen reports in TOPdesk: I ", output, StringComparison.Ordinal);
        Assert.Matches(SandboxAssert.Journaled("Created", "Observed", "servicedesk I "), output);
        Assert.Matches(SandboxAssert.Journaled("Created", "Applied", "→ facility CAS-"), output);
        Assert.Matches(SandboxAssert.Journaled("Created", "Applied", "→ contractor WO-"), output);
        Assert.Matches(SandboxAssert.Journaled("AppointmentSet", "Applied", "→ facility CAS-"), output);
        Assert.Matches(new Regex(@"HUB-\d{4}-\d{6}\s+Milestone\s+Observed\s+→ servicedesk I [^\n]*Monteur komt \p{L}+ \d\d-\d\d tussen 08:00 en 11:00"), output);
        Assert.Matches(SandboxAssert.Journaled("Resolved", "Applied", "→ servicedesk I "), output);
        Assert.Contains("status: Gereed (completed)", output, StringComparison.Ordinal);
        Assert.Contains("Monteur komt", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"The hub's record of it, case HUB-\d{4}-\d{6} \(status Resolved\)"), output);
        SandboxAssert.NoHubLeft(sandbox);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Stopped_by_a_signal_the_sandbox_stops_the_hub_it_started_and_exits_0(string signal)
    {
        await using var sandbox = SandboxProcess.Start();
        await sandbox.WaitForOutputAsync("Eva Jansen reports in TOPdesk", Patience);
        Assert.NotNull(sandbox.HubProcessId);
        Assert.True(SandboxProcess.StillRuns(sandbox.HubProcessId.Value, sandbox.ConfigurationFile!), "the hub runs while the sandbox does");

        sandbox.Signal(signal);
        var exit = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(1));
        log.WriteLine(sandbox.Output);

        Assert.Equal(0, exit);
        Assert.Contains($"Stopping the hub (pid {sandbox.HubProcessId})", sandbox.Output, StringComparison.Ordinal);
        SandboxAssert.NoHubLeft(sandbox);
    }

    [Fact]
    public async Task Without_a_hub_to_run_the_sandbox_says_where_it_looked_and_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-hub-{Guid.NewGuid():N}", "hub.dll");
        await using var sandbox = SandboxProcess.Start("--once", "--hub", missing);

        var exit = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains($"hub-sandbox: --hub: '{missing}' does not exist", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(hub run, pid", sandbox.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_hub_refuses_its_configuration_the_sandbox_shows_why_and_exits_with_the_hubs_code()
    {
        var hubWithoutMappings = CopyOfTheHubWithoutItsMappings();
        try
        {
            await using var sandbox = SandboxProcess.Start("--once", "--hub", Path.Combine(hubWithoutMappings, "hub.dll"));

            var exit = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(2));
            log.WriteLine(sandbox.Output);

            Assert.Equal(2, exit);
            Assert.Contains("hub | hub: configuration error: Hub:MappingsPath", sandbox.Output, StringComparison.Ordinal);
            Assert.Contains("exited with code 2", sandbox.Output, StringComparison.Ordinal);
            SandboxAssert.NoHubLeft(sandbox);
        }
        finally
        {
            Directory.Delete(hubWithoutMappings, recursive: true);
        }
    }

    /// <summary>The hub's build output of this configuration, copied without the mappings folder it ships with.</summary>
    private static string CopyOfTheHubWithoutItsMappings()
    {
        var built = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/Hub.Sandbox.Tests/bin/<Config>/net10.0
        var root = built;
        while (!File.Exists(Path.Combine(root.FullName, "Hub.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("Hub.sln not found above the test binaries.");
        }

        var source = Path.Combine(root.FullName, "src", "Hub", "Hub.Host", "bin", built.Parent!.Name, built.Name);
        var copy = Path.Combine(Path.GetTempPath(), $"hub-without-mappings-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("mappings", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        return copy;
    }
}
