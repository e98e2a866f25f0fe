using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hub.Deploy.Tests;

/// <summary>The commit this checkout is at, as the build asks git for it.</summary>
internal static partial class GitCheckout
{
    /// <summary>`git rev-parse --short HEAD` in the repository; null without git (then the build wrote "unknown").</summary>
    public static string? ShortHead()
    {
        try
        {
            var info = new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(info)!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && head.Length > 0 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Asserts `hub --version` printed "hub &lt;major.minor.patch&gt;+&lt;this checkout's commit&gt;" and nothing else.</summary>
    public static void AssertVersionLine(ChildResult version)
    {
        Assert.True(version.ExitCode == 0, $"hub --version: {version}");
        var line = Assert.Single(version.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var match = VersionLine().Match(line);
        Assert.True(match.Success, $"'{line}' is not 'hub <major.minor.patch>+<commit>'");
        Assert.Equal(ShortHead() ?? "unknown", match.Groups["commit"].Value);
    }

    [GeneratedRegex(@"^hub \d+\.\d+\.\d+\+(?<commit>[0-9a-f]{7,40}|unknown)$")]
    private static partial Regex VersionLine();
}
