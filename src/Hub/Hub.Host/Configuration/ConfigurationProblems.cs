using Hub.Abstractions.Adapters;
using Hub.Engine.Cluster;
using Hub.Engine.Mapping;
using Hub.Engine.Sync;
using Hub.Host.Audit;
using Hub.Host.Hosting;
using Hub.Host.Plugins;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Hub.Host.Configuration;

/// <summary>
/// Every configuration problem at once, each naming its key: the systems (adapter, poll interval, webhook, and each
/// adapter's own settings), the mapping files, Hub:Database, Hub:Api, Hub:Sync and Hub:Audit. The start and
/// `hub check` ask it before anything runs, so an admin fixes all in one go instead of one per attempt.
/// </summary>
internal static class ConfigurationProblems
{
    public static IReadOnlyList<string> Find(HubConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        Collect(problems, () => SystemSettings.ReadAll(configuration.Root));
        problems.AddRange(AdapterProblems(configuration));
        Collect(problems, () => HubDatabaseOpener.Open(configuration));
        Collect(problems, () => ApiSettings.Urls(configuration.Root));
        Collect(problems, () =>
        {
            if (configuration.Root.GetSection(SyncOptions.Section).Get<SyncOptions>() is { } sync && sync.Problems() is { Count: > 0 } wrong)
            {
                throw new HubConfigurationException(wrong);
            }
        });
        Collect(problems, () =>
        {
            if (configuration.Root.GetSection(ClusterOptions.Section).Get<ClusterOptions>() is { } cluster && cluster.Problems() is { Count: > 0 } wrong)
            {
                throw new HubConfigurationException(wrong);
            }
        });
        problems.AddRange(MappingProblems(configuration));
        problems.AddRange(AuditProblems(configuration));
        return problems;
    }

    /// <summary>Throws one <see cref="HubConfigurationException"/> with every problem, if there is any.</summary>
    public static void ThrowIfAny(HubConfiguration configuration)
    {
        var problems = Find(configuration);
        if (problems.Count > 0)
        {
            throw new HubConfigurationException(problems);
        }
    }

    private static List<string> AdapterProblems(HubConfiguration configuration)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddAdapters(configuration)
            .BuildServiceProvider();
        var known = services.GetRequiredService<AdapterRegistry>().KnownTypes;
        var plugins = services.GetRequiredService<AdapterPlugins>();
        var problems = new List<string>(plugins.Problems);
        problems.AddRange(configuration.Root.GetSection("Hub:Systems").GetChildren()
            .Where(s => !string.IsNullOrWhiteSpace(s["Adapter"]) && !known.Contains(s["Adapter"]!, StringComparer.OrdinalIgnoreCase))
            .Select(s => SettingProblems.Format($"{s.Path}:Adapter",
                $"unknown adapter '{s["Adapter"]}'. Use one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}; " +
                $"an adapter from outside the hub is a plugin folder in {(plugins.Folder is { } folder ? $"'{folder}'" : "the plugins folder (Hub:PluginsPath, by default 'plugins' beside the hub)")}.")));
        problems.AddRange(services.GetServices<AdapterSettingsCheck>().SelectMany(check => check.Problems(services)));
        return problems;
    }

    private static IEnumerable<string> MappingProblems(HubConfiguration configuration)
    {
        string directory;
        try
        {
            directory = MappingsSettings.Directory(configuration);
        }
        catch (HubConfigurationException refused)
        {
            return refused.Problems;
        }

        var result = MappingLoader.Load(directory);
        return result.Errors.Select(e => SettingProblems.Format("Hub:MappingsPath", $"{directory}: {e}"));
    }

    private static List<string> AuditProblems(HubConfiguration configuration)
    {
        var environment = new AuditEnvironment(configuration.BaseDirectory);
        var validation = new AuditOptionsValidation(environment);
        var problems = new List<string>();
        Collect(problems, () =>
        {
            var audit = configuration.Root.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
            problems.AddRange(validation.Validate(null, audit).Failures ?? []);
        });
        Collect(problems, () =>
        {
            var api = configuration.Root.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
            problems.AddRange(validation.Validate(null, api).Failures ?? []);
        });
        return problems;
    }

    /// <summary>Runs one reader; what it refuses is added (each problem of a <see cref="HubConfigurationException"/>, a value the binder cannot read).</summary>
    private static void Collect(List<string> problems, Action read)
    {
        try
        {
            read();
        }
        catch (HubConfigurationException refused)
        {
            problems.AddRange(refused.Problems);
        }
        catch (InvalidOperationException unreadable) when (unreadable.InnerException is FormatException or OverflowException or ArgumentException)
        {
            problems.Add(SettingProblems.Format("Hub", unreadable.Message));
        }
        catch (OptionsValidationException refused)
        {
            problems.AddRange(refused.Failures);
        }
    }

    private static void Collect<T>(List<string> problems, Func<T> read) => Collect(problems, () => { _ = read(); });

    /// <summary>The content root the audit settings' relative files are taken from: the configuration's folder.</summary>
    private sealed class AuditEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "hub";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
