using System.Diagnostics;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// Debian's chromium, headless, loading a page and printing the DOM after its scripts ran (virtual time lets the
/// page's API calls finish first). test.sh installs the package; without it the test fails and says so.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable =>
        new[] { Environment.GetEnvironmentVariable("HUB_CHROMIUM") }.Concat(Candidates).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "Chromium is not installed, so the chain page cannot be rendered. Install the Debian package 'chromium' " +
            "(apt-get install chromium; test.sh does this) or set HUB_CHROMIUM to a Chromium executable.");

    /// <summary>Headless, in its own profile, without the network chatter, updates and sandbox a test box does not need.</summary>
    public static string[] Quiet(DirectoryInfo profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
    ];

    public static async Task<string> DumpDomAsync(Uri url)
    {
        var profile = Directory.CreateTempSubdirectory("hub-chromium-");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = [.. Quiet(profile), "--virtual-time-budget=30000", "--dump-dom", url.AbsoluteUri];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish rendering {url} within two minutes: {await error}");
        }
        finally
        {
            TryDelete(profile);
        }

        var dom = await output;
        return dom.Length > 0 ? dom : throw new InvalidOperationException($"Chromium printed no DOM (exit {process.ExitCode}): {await error}");
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; the temp directory is cleaned later.
        }
    }
}
