namespace Hub.Deploy.Tests;

/// <summary>
/// Needs systemd-analyze, which works without a running systemd (test.sh installs the package `systemd`); skipped,
/// saying so, where it is missing.
/// </summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (ChildProcess.Find("systemd-analyze") is null)
        {
            Skip = "systemd-analyze is not installed: apt-get install systemd (test.sh does)";
        }
    }
}

/// <summary>
/// Needs root and a private mount namespace (`unshare --mount`), in which the install script may create its user and
/// folders on copies of /etc, /opt and /var that vanish with it; skipped, saying so, elsewhere. CI runs as root.
/// </summary>
public sealed class PrivateRootFactAttribute : FactAttribute
{
    public PrivateRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || ChildProcess.Find("unshare") is null)
        {
            Skip = "needs Linux, root and unshare (util-linux) to install into a private mount namespace";
        }
    }
}

/// <summary>
/// Needs PowerShell (pwsh): on PATH, or the dotnet tool test.sh installs in .tools/ (no Debian package has it); skipped,
/// saying so, where neither is.
/// </summary>
public sealed class PwshTheoryAttribute : TheoryAttribute
{
    public PwshTheoryAttribute()
    {
        if (Pwsh is null)
        {
            Skip = "pwsh is not installed: dotnet tool install --tool-path .tools PowerShell --version 7.6.10 (test.sh does)";
        }
    }

    public static string? Pwsh =>
        ChildProcess.Find("pwsh") ?? (File.Exists(Repository.File(".tools", "pwsh")) ? Repository.File(".tools", "pwsh") : null);
}
