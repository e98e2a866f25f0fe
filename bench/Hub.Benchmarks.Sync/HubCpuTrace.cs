using System.Diagnostics;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// `dotnet-trace collect` attached to the hub's process for the measured part of a run (the sampled thread time
/// profile: managed stacks about every 10 ms), stopped with SIGINT so it writes a complete .nettrace. Read it with
/// `dotnet-trace report FILE topN` or convert it with `dotnet-trace convert --format speedscope`. Needs the tool:
/// `dotnet tool install -g dotnet-trace`.
/// </summary>
internal sealed class HubCpuTrace : IAsyncDisposable
{
    private readonly Process collector;

    private HubCpuTrace(Process collector, string file)
    {
        this.collector = collector;
        File = file;
    }

    public string File { get; }

    public static async Task<HubCpuTrace> StartAsync(int hubProcessId, string file, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Tool()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "collect", "-p", hubProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "-o", file })
        {
            info.ArgumentList.Add(argument);
        }

        var collector = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet-trace");
        var said = new System.Text.StringBuilder();
        collector.OutputDataReceived += (_, _) => { }; // its progress line: read so the pipe never fills
        collector.ErrorDataReceived += (_, line) => said.AppendLine(line.Data);
        collector.BeginOutputReadLine();
        collector.BeginErrorReadLine();
        var trace = new HubCpuTrace(collector, file);
        var deadline = Stopwatch.StartNew();
        while (!System.IO.File.Exists(file) && !collector.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, cancellationToken); // the file appears once the session is open
        }

        await Task.Delay(500, cancellationToken);
        return collector.HasExited ? throw new InvalidOperationException($"dotnet-trace stopped: {said}") : trace;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (collector.HasExited)
        {
            return;
        }

        using (var interrupt = Process.Start("kill", ["-s", "INT", collector.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(cancellationToken);
        }

        await collector.WaitForExitAsync(cancellationToken);
        Console.WriteLine($"  CPU samples of the hub: {File}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!collector.HasExited)
        {
            collector.Kill();
            await collector.WaitForExitAsync();
        }

        collector.Dispose();
    }

    private static string Tool()
    {
        var installed = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        return System.IO.File.Exists(installed) ? installed : "dotnet-trace";
    }
}
