using System.Runtime.Versioning;

namespace Hub.Deploy.Tests;

/// <summary>deploy/linux/install.sh changes the machine (a user, /opt, /etc, a unit): without root it changes nothing and says why.</summary>
[SupportedOSPlatform("linux")]
public sealed class InstallScriptRefusalTests
{
    [Fact]
    public async Task Run_without_root_install_sh_stops_at_once_saying_it_must_run_as_root()
    {
        var script = Repository.File("deploy", "linux", "install.sh");
        var scratch = Directory.CreateTempSubdirectory("hub-install-as-user-").FullName;
        try
        {
            // As root, run it as "nobody" (from a copy that user may read); as anyone else, run it as is.
            var copy = Path.Combine(scratch, "install.sh");
            File.Copy(script, copy);
            File.SetUnixFileMode(scratch, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(copy, (UnixFileMode)0b111_101_101);
            var run = Environment.UserName == "root"
                ? await ChildProcess.RunAsync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "bash", copy], TimeSpan.FromMinutes(1))
                : await ChildProcess.RunAsync("bash", [copy], TimeSpan.FromMinutes(1));

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("install.sh: must run as root (sudo ", run.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Output);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
