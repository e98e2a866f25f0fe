using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The real `hub` processes of one world, all in its folder on its appsettings.json: their output goes to the test's
/// log when the world ends, and into the failure of a wait that ran out.
/// </summary>
internal sealed class HubRuns(string folder, ITestOutputHelper log) : IAsyncDisposable
{
    private readonly List<HubProcess> hubs = [];

    public string ConfigurationFile => Path.Combine(folder, "appsettings.json");

    /// <summary>A `hub` that keeps running (`hub run`), with variables of its own process beside the configuration file.</summary>
    public HubProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var hub = HubProcess.StartWith(folder, environment, arguments);
        hubs.Add(hub);
        return hub;
    }

    /// <summary>Runs a `hub` command against the world's configuration to its end; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var hub = HubProcess.StartWith(folder, environment, [.. arguments, "--config", ConfigurationFile]);
        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, hub.Output);
    }

    /// <summary>Waits until the condition, which may ask a peer, holds; fails with the hubs' output when it does not in time.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {what}.\n{OutputTails()}");
    }

    /// <summary>
    /// The last lines of each hub's output: the message of a failed wait is what a CI summary shows, and a whole output of
    /// several minutes (thousands of lines) would bury it; the whole of it goes to the test's log when the world ends.
    /// </summary>
    public string OutputTails(int lines = 40) =>
        string.Join("\n", hubs.Select(h =>
        {
            var all = h.Output.Split('\n');
            return $"--- last {Math.Min(lines, all.Length)} of {all.Length} lines of hub process {h.Id} (all of it in the test's log) ---\n"
                   + string.Join("\n", all.TakeLast(lines));
        }));

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in hubs)
        {
            log.WriteLine($"--- hub process {hub.Id} output ---\n{hub.Output}");
            await hub.DisposeAsync();
        }
    }
}
