using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Mapping;
using Hub.Host.Configuration;
using Hub.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Host.Tests.Hosting;

/// <summary>
/// The hub reads its settings at start (README); only the mapping files are reloaded, by their own watcher. So no
/// configuration source of the built host watches its file: a watcher on the content root (the configuration's folder,
/// which holds hub.db, its WAL and the mail folders in the default layout) woke on every database write.
/// </summary>
public sealed class ConfigurationWatchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hub-config-watch-").FullName;

    [Fact]
    public async Task The_built_hub_watches_none_of_its_configuration_files_for_changes()
    {
        var file = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Hub": { "Database": { "ConnectionString": "Data Source=hub.db" } } }""");
        Directory.CreateDirectory(Path.Combine(folder, "mappings"));

        var app = HubHostBuilder.Build(HubConfiguration.Load(file));
        await using (app)
        {
            var files = FileSources((IConfigurationRoot)app.Configuration).ToList();

            Assert.Contains(files, f => string.Equals(f.Path, "appsettings.json", StringComparison.Ordinal)); // the host's own, in the content root
            Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
        }
    }

    [Fact]
    public async Task The_built_hub_still_takes_up_an_edited_mapping_file_without_a_restart()
    {
        var mappings = ShippedMappings.CopyTo(Path.Combine(folder, "mappings"));
        var file = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Hub": { "Database": { "ConnectionString": "Data Source=hub.db" } } }""");
        var app = HubHostBuilder.Build(HubConfiguration.Load(file));
        await using (app)
        {
            var provider = (FileMappingProvider)app.Services.GetRequiredService<IMappingProvider>();
            var before = provider.Current.Version;
            var reloaded = new TaskCompletionSource<MappingSet>(TaskCreationOptions.RunContinuationsAsynchronously);
            provider.Reloaded += (_, set) => reloaded.TrySetResult(set);

            var values = Path.Combine(mappings, "values.servicedesk.json");
            await File.WriteAllTextAsync(values, (await File.ReadAllTextAsync(values)).Replace("\"Spoed\"", "\"Zeer urgent\"", StringComparison.Ordinal));

            var taken = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(before, taken.Version);
            Assert.True(taken.TryMapInbound("servicedesk", MappedField.Priority, "Zeer urgent", out _));
        }
    }

    /// <summary>Every file source of the configuration, with those of the configurations chained into it.</summary>
    private static IEnumerable<FileConfigurationSource> FileSources(IConfigurationRoot root) =>
        root.Providers.SelectMany(provider => provider switch
        {
            FileConfigurationProvider file => [file.Source],
            ChainedConfigurationProvider { Configuration: IConfigurationRoot chained } => FileSources(chained),
            _ => [],
        });

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
