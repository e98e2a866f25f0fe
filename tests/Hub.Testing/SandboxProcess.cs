using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Hub.Testing;

/// <summary>
/// `hub-sandbox` as a child process of the test, as a developer runs it: its output kept (and shown when a test
/// fails), stopped with a signal as Ctrl+C or `kill` would, killed at the end whatever happened.
/// </summary>
public sealed partial class SandboxProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ProcessOutput output;

    private SandboxProcess(Process process)
    {
        this.process = process;
        output = new ProcessOutput(process);
    }

    public string Output => output.Text;

    /// <summary>The hub the sandbox started, as its banner names it: "the hub (hub run, pid 1234)".</summary>
    public int? HubProcessId => HubPid().Match(Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The configuration file the sandbox wrote for its hub, as its banner names it.</summary>
    public string? ConfigurationFile => ConfigurationLine().Match(Output) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    /// <summary>
    /// hub-sandbox.dll where the sandbox project built it: the test project that runs the sandbox references that project
    /// and records the path in its own assembly at build time (AssemblyMetadata "SandboxExecutable").
    /// </summary>
    public static string SandboxDll =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
            .Single(a => a.Key == "SandboxExecutable").Value!;

    public static SandboxProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SandboxDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        return new SandboxProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Waits for the sandbox to end; fails with its output when it does not in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"hub-sandbox did not exit within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Waits until the output holds the text; fails with the output when it does not in time or the sandbox ended.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"hub-sandbox did not print \"{text}\" within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A signal to the sandbox alone (SIGINT is what Ctrl+C sends, SIGTERM what `kill` and systemd send).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }

    /// <summary>Whether a process with that id still runs that command line (a reused id is someone else).</summary>
    public static bool StillRuns(int processId, string commandLineHolds)
    {
        try
        {
            using var candidate = Process.GetProcessById(processId);
            if (candidate.HasExited)
            {
                return false;
            }
        }
        catch (ArgumentException)
        {
            return false;
        }

        var cmdline = $"/proc/{processId}/cmdline";
        return !OperatingSystem.IsLinux() || (File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(commandLineHolds, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"\(hub run, pid (\d+)\)")]
    private static partial Regex HubPid();

    [GeneratedRegex(@"^\s*configuration\s+(\S.*)$", RegexOptions.Multiline)]
    private static partial Regex ConfigurationLine();
}
