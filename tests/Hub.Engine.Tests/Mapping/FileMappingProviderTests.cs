using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Tests.Mapping;

public sealed class FileMappingProviderTests : IDisposable
{
    private readonly MappingDirectory mappings = MappingDirectory.CopyOfShipped();
    private readonly RecordingLogger<FileMappingProvider> log = new();

    public void Dispose() => mappings.Dispose();

    [Fact]
    public async Task A_changed_file_takes_effect_without_a_restart()
    {
        using var provider = Start(WatcherOnly());
        var before = provider.Current;
        var reloaded = new TaskCompletionSource<MappingSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += (_, mappings) => reloaded.TrySetResult(mappings);

        mappings.Edit("values.servicedesk.json", "\"Spoed\"", "\"Zeer urgent\"");

        var raised = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Same(raised, provider.Current);
        Assert.NotEqual(before.Version, provider.Current.Version);
        Assert.True(provider.Current.TryMapInbound("servicedesk", MappedField.Priority, "Zeer urgent", out var priority));
        Assert.Equal("Urgent", priority);
        Assert.False(provider.Current.TryMapInbound("servicedesk", MappedField.Priority, "Spoed", out _));
        Assert.True(before.TryMapInbound("servicedesk", MappedField.Priority, "Spoed", out _), "The old mapping object must stay as it was.");
        Assert.Empty(provider.LastErrors);
    }

    [Fact]
    public async Task A_broken_change_keeps_the_last_good_mapping_and_says_why()
    {
        using var provider = Start(WatcherOnly());
        var good = provider.Current;
        var reloads = 0;
        provider.Reloaded += (_, _) => Interlocked.Increment(ref reloads);

        mappings.Edit("routes.json", "\"to\": \"contractor\"", "\"to\": \"contracter\"");

        await Eventually.True(() => provider.LastErrors.Count > 0, "the broken edit to be reported");
        var error = Assert.Single(provider.LastErrors);
        Assert.Equal(MappingErrorKind.UnknownSystem, error.Kind);
        Assert.Equal("routes.json", error.File);
        Assert.Contains("$.routes[1].to", provider.LastError, StringComparison.Ordinal);
        Assert.Same(good, provider.Current);
        Assert.Equal(0, reloads);
        Assert.Equal("contractor", provider.Current.Routes[1].To);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("routes.json:34 $.routes[1].to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fixing_a_broken_edit_clears_the_error_and_loads_the_fix()
    {
        using var provider = Start(WatcherOnly());
        mappings.Edit("values.contractor.json", "\"canonical\": \"Resolved\"", "\"canonical\": \"Finished\"");
        await Eventually.True(() => provider.LastErrors.Count > 0, "the unknown status to be reported");

        mappings.Edit("values.contractor.json", "\"canonical\": \"Finished\"", "\"canonical\": \"Closed\"");

        await Eventually.True(() => provider.LastErrors.Count == 0, "the fixed file to be accepted");
        Assert.True(provider.Current.TryMapInbound("contractor", MappedField.Status, "done", out var status));
        Assert.Equal("Closed", status);
    }

    [Fact]
    public async Task The_periodic_check_notices_a_change_that_no_watcher_reported()
    {
        using var provider = Start(new FileMappingProviderOptions { WatchForChanges = false, PollInterval = TimeSpan.FromMilliseconds(100) });
        var loadedAt = provider.LastReloadAt;

        mappings.Edit("contractors.json", "\"name\": \"Elektrotechniek Stroom\"", "\"name\": \"Elektrotechniek Spanning\"");

        await Eventually.True(() => provider.Current.FindContractorById("elektricien")?.Name == "Elektrotechniek Spanning", "the polled change to load");
        Assert.True(provider.LastReloadAt >= loadedAt);
    }

    [Fact]
    public void Files_saved_without_a_change_are_not_read_again()
    {
        using var provider = Start(new FileMappingProviderOptions { WatchForChanges = false, PollInterval = TimeSpan.Zero });
        var logged = log.Entries.Count;
        mappings.Write("systems.json", mappings.Read("systems.json"));

        Assert.False(provider.CheckForChanges());
        Assert.Equal(logged, log.Entries.Count);
    }

    [Fact]
    public void A_first_load_that_fails_stops_the_start_with_every_error_listed()
    {
        mappings.Edit("values.facility.json", "\"canonical\": \"Scheduled\"", "\"canonical\": \"Planned\"");
        mappings.Delete("systems.json");

        var failure = Assert.Throws<MappingLoadException>(() => Start(new FileMappingProviderOptions()));

        Assert.Contains("values.facility.json", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.valueMaps[0].values[5].canonical", failure.Message, StringComparison.Ordinal);
        Assert.Contains("routes.json", failure.Message, StringComparison.Ordinal);
        Assert.Contains(failure.Errors, e => e.Kind == MappingErrorKind.UnknownSystem);
    }

    [Fact]
    public async Task The_registered_provider_is_one_instance_whose_health_shows_a_rejected_edit()
    {
        var services = new ServiceCollection().AddLogging().AddHubMappings(mappings.Path, o => o.WatchForChanges = false);
        await using var container = services.BuildServiceProvider();
        var provider = container.GetRequiredService<FileMappingProvider>();
        var health = container.GetRequiredService<HealthCheckService>();
        Assert.Same(provider, container.GetRequiredService<IMappingProvider>());
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        mappings.Write("phrases.json", "{ \"phrases\": [ }");
        Assert.False(provider.CheckForChanges());

        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("phrases.json", report.Entries["mappings"].Description, StringComparison.Ordinal);
    }

    private FileMappingProvider Start(FileMappingProviderOptions options) =>
        new(mappings.Path, log, TimeProvider.System, options);

    private static FileMappingProviderOptions WatcherOnly() => new() { Debounce = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.Zero };
}
