using System.Text.RegularExpressions;

namespace Hub.Sandbox.Tests;

/// <summary>What every sandbox test reads in its output: the narrated journal lines, and no hub left behind.</summary>
internal static class SandboxAssert
{
    /// <summary>A narrated journal line: kind, outcome and where it went, in the narrator's columns.</summary>
    public static Regex Journaled(string kind, string outcome, string route) =>
        new($@"HUB-\d{{4}}-\d{{6}}\s+{kind}\s+{outcome}\s+{Regex.Escape(route)}");

    public static void NoHubLeft(SandboxProcess sandbox)
    {
        var hub = sandbox.HubProcessId;
        var configuration = sandbox.ConfigurationFile;
        Assert.NotNull(hub);
        Assert.NotNull(configuration);
        if (SandboxProcess.StillRuns(hub.Value, configuration))
        {
            using var orphan = System.Diagnostics.Process.GetProcessById(hub.Value);
            orphan.Kill(entireProcessTree: true);
            Assert.Fail($"the hub (pid {hub}) still ran after the sandbox exited (killed now)");
        }
    }
}
