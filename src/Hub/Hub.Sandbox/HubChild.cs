using System.Diagnostics;

namespace Hub.Sandbox;

/// <summary>
/// The real hub as a child process of the sandbox, the way an Aspire AppHost runs a project: its own configuration
/// file, none of the caller's <c>Hub__*</c> environment settings (a sandbox never reaches a real system), its output
/// shown line by line. It is asked to stop (SIGTERM, as systemd would; the hub finishes within its 20 s shutdown
/// timeout) and killed when it does not in time, and killed on every other way out of the sandbox: an exception, the
/// runtime exiting. On Windows, which has no SIGTERM for a console child, stopping it means killing it.
/// </summary>
internal sealed class HubChild : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly CancellationTokenSource exited = new();
    private readonly Task watcher;

    private HubChild(Process process, TextWriter output)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Show(output, e.Data);
        process.ErrorDataReceived += (_, e) => Show(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        AppDomain.CurrentDomain.UnhandledException += KillOnExit;
        watcher = process.WaitForExitAsync(CancellationToken.None).ContinueWith(_ => exited.Cancel(), TaskScheduler.Default);
    }

    public int Id => process.Id;

    /// <summary>Cancelled when the hub has exited, for whatever reason.</summary>
    public CancellationToken Exited => exited.Token;

    public int ExitCode => process.ExitCode;

    public static HubChild Start(HubExecutable hub, string configurationFile, string workingDirectory, TextWriter output)
    {
        var info = hub.StartInfo("run", "--config", configurationFile);
        info.WorkingDirectory = workingDirectory;
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("Hub__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        return new HubChild(process, output);
    }

    /// <summary>Asks the hub to stop and waits for it; kills it when it has not stopped within the grace time.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            if (OperatingSystem.IsWindows() || !PosixSignals.Terminate(process.Id))
            {
                Kill();
            }
        }

        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>At once, with anything it started.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // it exited meanwhile
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        AppDomain.CurrentDomain.UnhandledException -= KillOnExit;
        process.Dispose();
        exited.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private static void Show(TextWriter output, string? line)
    {
        if (line is not null)
        {
            output.WriteLine($"  hub | {line}");
        }
    }
}
