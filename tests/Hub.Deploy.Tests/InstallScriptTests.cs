using Xunit.Abstractions;

namespace Hub.Deploy.Tests;

/// <summary>
/// deploy/linux/install.sh run as root on the published hub, inside a private mount namespace over copies of /etc,
/// /opt, /var/lib and /var/cache (the user, folders and unit it makes vanish with the namespace), twice; then the
/// installed hub is started the way the unit starts it, as the user hub, to show where its configuration leads it.
/// </summary>
[Collection(PublishedLinuxHubGroup.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class InstallScriptTests(PublishedLinuxHub published, ITestOutputHelper log)
{
    private const string Scenario = """
        set -euo pipefail
        scratch=$1; publish=$2; install=$3
        cp -a /etc/. "$scratch/etc/" && mount --bind "$scratch/etc" /etc
        for folder in /opt /var/lib /var/cache; do mount -t tmpfs tmpfs "$folder"; done
        echo "== first install"
        "$install" "$publish"
        echo "== installed"
        getent passwd hub
        stat -c '%U:%G %a %n' /opt/hub/hub /etc/hub /etc/hub/appsettings.json /etc/hub/mappings /etc/hub/journal.key /etc/hub/hub.env /etc/systemd/system/hub.service
        echo "enabled: $(readlink /etc/systemd/system/multi-user.target.wants/hub.service)"
        echo "journal key bytes: $(base64 -d /etc/hub/journal.key | wc -c)"
        grep -o '"Data Source=[^"]*"' /etc/hub/appsettings.json
        if command -v systemd-analyze >/dev/null; then systemd-analyze verify /etc/systemd/system/hub.service && echo "unit verified"; fi
        echo "== as the service"
        install -d -o hub -g hub -m 0750 /var/lib/hub /var/cache/hub
        setpriv --reuid=hub --regid=hub --init-groups env -i PATH=/usr/bin:/bin HOME=/var/lib/hub DOTNET_BUNDLE_EXTRACT_BASE_DIR=/var/cache/hub \
          /opt/hub/hub verify --config /etc/hub/appsettings.json || echo "hub verify exit code $?"
        echo "== an admin edits, then installs again"
        sed -i 's/"PollInterval": "00:01:00"/"PollInterval": "00:05:00"/' /etc/hub/appsettings.json
        sha256sum /etc/hub/appsettings.json /etc/hub/journal.key /etc/hub/mappings/routes.json > "$scratch/site.sha256"
        "$install" "$publish"
        sha256sum --quiet -c "$scratch/site.sha256" && echo "site settings kept"
        """;

    [PrivateRootFact]
    public async Task Install_sh_installs_the_published_hub_as_a_service_and_a_second_run_keeps_the_sites_settings()
    {
        var scratch = Directory.CreateTempSubdirectory("hub-install-").FullName;
        Directory.CreateDirectory(Path.Combine(scratch, "etc"));
        try
        {
            var run = await ChildProcess.RunAsync(
                "unshare",
                ["--mount", "--propagation", "private", "bash", "-c", Scenario, "scenario", scratch, published.Folder, Repository.File("deploy", "linux", "install.sh")],
                TimeSpan.FromMinutes(3));
            log.WriteLine(run.ToString());
            var output = run.Output;

            Assert.True(run.ExitCode == 0, $"the install scenario failed: {run}");
            Assert.Contains("install.sh: created the system user hub", output, StringComparison.Ordinal);
            Assert.Matches(@"\nhub:x:\d+:\d+::/var/lib/hub:/usr/sbin/nologin\n", output);
            Assert.Contains("root:root 755 /opt/hub/hub", output, StringComparison.Ordinal);
            Assert.Contains("root:hub 750 /etc/hub\n", output, StringComparison.Ordinal);
            Assert.Contains("root:hub 640 /etc/hub/appsettings.json", output, StringComparison.Ordinal);
            Assert.Contains("root:root 600 /etc/hub/journal.key", output, StringComparison.Ordinal);
            Assert.Contains("root:root 600 /etc/hub/hub.env", output, StringComparison.Ordinal);
            Assert.Contains("enabled: /etc/systemd/system/hub.service", output, StringComparison.Ordinal);
            Assert.Contains("journal key bytes: 32", output, StringComparison.Ordinal);
            Assert.Contains("\"Data Source=/var/lib/hub/hub.db\"", output, StringComparison.Ordinal);
            if (ChildProcess.Find("systemd-analyze") is not null)
            {
                Assert.Contains("unit verified", output, StringComparison.Ordinal);
            }

            // The hub, as its user, found its configuration in /etc/hub and looked for its database in /var/lib/hub.
            Assert.Contains("hub verify exit code 4", output, StringComparison.Ordinal);
            Assert.Contains("/var/lib/hub/hub.db", run.Error, StringComparison.Ordinal);

            var second = output[output.IndexOf("== an admin edits", StringComparison.Ordinal)..];
            Assert.Contains("install.sh: kept /etc/hub/appsettings.json", second, StringComparison.Ordinal);
            Assert.Contains("install.sh: kept /etc/hub/mappings", second, StringComparison.Ordinal);
            Assert.DoesNotContain("created the system user", second, StringComparison.Ordinal);
            Assert.DoesNotContain("made a new journal key", second, StringComparison.Ordinal);
            Assert.Contains("site settings kept", second, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
