namespace Hub.Deploy.Tests;

/// <summary>
/// deploy/linux/hub.service as systemd reads it, checked offline by systemd-analyze against a scratch root that holds
/// the system's own units, the unit under /etc/systemd/system and a hub at /opt/hub/hub (the built one: systemd only
/// checks that its ExecStart is there and executable).
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string root = Directory.CreateTempSubdirectory("hub-systemd-root-").FullName;

    [SystemdAnalyzeFact]
    public async Task The_unit_file_passes_systemd_analyze_verify_without_a_warning()
    {
        InstallUnitUnderRoot();

        var verify = await ChildProcess.RunAsync("systemd-analyze", ["verify", $"--root={root}", "hub.service"], Patience);

        Assert.True(verify.ExitCode == 0 && verify.Output.Trim().Length == 0 && verify.Error.Trim().Length == 0, $"systemd-analyze verify: {verify}");
    }

    /// <summary>systemd's own rating of the sandboxing (0 exposed ... 10 fully exposed); 2.0 and below is what it calls OK.</summary>
    [SystemdAnalyzeFact]
    public async Task The_unit_is_sandboxed_to_an_exposure_of_at_most_2_by_systemd_analyze_security()
    {
        InstallUnitUnderRoot();

        var security = await ChildProcess.RunAsync("systemd-analyze", ["security", "--offline=true", $"--root={root}", "--threshold=20", "hub.service"], Patience);

        Assert.True(security.ExitCode == 0, $"systemd-analyze security: {security}");
        Assert.Contains("Overall exposure level for hub.service: ", security.Output, StringComparison.Ordinal);
    }

    private void InstallUnitUnderRoot()
    {
        CopyFolder("/usr/lib/systemd/system", Path.Combine(root, "usr", "lib", "systemd", "system"));
        var units = Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system")).FullName;
        File.Copy(Repository.File("deploy", "linux", "hub.service"), Path.Combine(units, "hub.service"));
        var hub = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "opt", "hub")).FullName, "hub");
        Assert.True(File.Exists(Repository.BuiltHub), $"the built hub is missing: {Repository.BuiltHub}");
        File.Copy(Repository.BuiltHub, hub);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link); // units alias each other (dbus-org.*.service -> …)
            }
            else if (entry is DirectoryInfo folder)
            {
                CopyFolder(folder.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
