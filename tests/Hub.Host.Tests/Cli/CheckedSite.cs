using System.CommandLine;
using System.Globalization;
using Hub.Host.Cli;
using Hub.Host.Tests.Health;
using Hub.Host.Tests.Audit;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Host.Tests.Cli;

/// <summary>
/// A site as `hub check` meets it before its first start: a simulated TOPdesk and Dynamics 365, a contractor on pickup
/// folders, a copy of the shipped mappings and the appsettings.json an admin would write for them. Tests change one
/// thing (a right taken away, a value in the mapping, a setting) and run `hub check` in process.
/// </summary>
internal sealed class CheckedSite : IDisposable
{
    public CheckedSite()
    {
        Directory.CreateDirectory(Folder);
        foreach (var name in ThreeSystemsSettings.MailFolders)
        {
            Directory.CreateDirectory(Path.Combine(Folder, name));
        }

        var source = Path.Combine(HubProcess.RepositoryRoot(), "mappings");
        Directory.CreateDirectory(MappingsDirectory);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(MappingsDirectory, Path.GetFileName(file)));
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "hub-check", Guid.NewGuid().ToString("N")[..10]);

    public string MappingsDirectory => Path.Combine(Folder, "mappings");

    public TopDeskSimulator TopDesk { get; } = new();

    public DynamicsSimulator Dynamics { get; } = new();

    /// <summary>Settings of the test's own, over the site's ("Hub:Systems:facility:ClientSecret" = null removes one).</summary>
    public Dictionary<string, string?> Overrides { get; } = [];

    /// <summary>What must never show in the output.</summary>
    public IReadOnlyList<string> Secrets => [TopDesk.ApplicationPassword, Dynamics.ClientSecret];

    /// <summary>Replaces a text in one of the copied mapping files.</summary>
    public void EditMapping(string file, string from, string to)
    {
        var path = Path.Combine(MappingsDirectory, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public string WriteConfiguration()
    {
        var settings = ThreeSystemsSettings.For(TopDesk, Dynamics, Folder);
        settings["Hub:Database:ConnectionString"] = "Data Source=hub.db";
        settings["Hub:MappingsPath"] = MappingsDirectory;
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        return HubProcess.WriteConfiguration(Folder, Nest(settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!)));
    }

    /// <summary>Runs `hub check --config` on the site, in process, as the binary builds its command line.</summary>
    public async Task<CliResult> CheckAsync()
    {
        var config = WriteConfiguration();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await HubCli.Build().Parse(["check", "--config", config]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>"Hub:Systems:servicedesk:BaseUrl" = v → { Hub: { Systems: { servicedesk: { BaseUrl: v } } } }.</summary>
    private static Dictionary<string, object> Nest(Dictionary<string, string> flat)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child))
                {
                    child = new Dictionary<string, object>(StringComparer.Ordinal);
                    node[part] = child;
                }

                node = (Dictionary<string, object>)child;
            }

            node[parts[^1]] = value;
        }

        return root;
    }

    public void Dispose()
    {
        TopDesk.Dispose();
        Dynamics.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
