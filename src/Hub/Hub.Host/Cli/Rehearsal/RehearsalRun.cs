using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Journal;
using Hub.Engine.Mapping;
using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Host.Cli.Rehearsal;

/// <summary>
/// `hub mappings test`: reads one record through its system's adapter, plans it with the engine's own intake and
/// planner against the hub's correlation state (<see cref="ChangeIntake.PlanAsync"/>, which saves nothing), and
/// reports what would happen. Writes nothing to the hub database or to any system.
/// </summary>
internal static class RehearsalRun
{
    public const int NotFound = 1;

    /// <summary>The system could not be read (down, refused): nothing can be said about the record.</summary>
    public const int SystemUnreadable = 5;

    public sealed record Request(string System, string Record, string? MappingsDirectory, bool Json);

    public static async Task<int> RunAsync(HubConfiguration configuration, Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var systems = SystemSettings.ReadAll(configuration.Root);
        var system = systems.FirstOrDefault(s => string.Equals(s.Name, request.System, StringComparison.OrdinalIgnoreCase))
            ?? throw new HubConfigurationException("Hub:Systems", $"no system '{request.System}' is configured (systems: {string.Join(", ", systems.Select(s => s.Name))}).");
        var directory = Path.GetFullPath(request.MappingsDirectory ?? MappingsSettings.Directory(configuration));
        using var mappings = new FileMappingProvider(directory, NullLogger<FileMappingProvider>.Instance, TimeProvider.System,
            new FileMappingProviderOptions { WatchForChanges = false, PollInterval = TimeSpan.Zero });
        using var database = await RehearsalDatabase.OpenAsync(configuration, cancellationToken).ConfigureAwait(false);
        var sync = configuration.Root.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(sync)
            .AddSingleton<IMappingProvider>(mappings)
            .AddSingleton<IAdapterStateStore>(new DatabaseAdapterStateStore(database.Database))
            .AddAdapters(configuration)
            .BuildServiceProvider();
        var adapter = SystemAdapterBuilder.Create(services, system);
        try
        {
            ObservedChange? change;
            try
            {
                change = await adapter.ReadRecordAsync(request.Record, cancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException startsNoCases)
            {
                await error.WriteLineAsync($"hub: {startsNoCases.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return HubService.ExitConfiguration;
            }
            catch (AdapterException unreadable)
            {
                await error.WriteLineAsync($"hub: cannot read {system.Name} record '{TerminalText.Clean(request.Record)}': {TerminalText.Clean(unreadable.Message)}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return SystemUnreadable;
            }

            if (change is null)
            {
                await error.WriteLineAsync($"hub: {system.Name} has no record '{TerminalText.Clean(request.Record)}' (give its id or its number).".AsMemory(), cancellationToken).ConfigureAwait(false);
                return NotFound;
            }

            var time = TimeProvider.System;
            var journal = HubJournal.ForRehearsal(time);
            using var gate = new HubWriteGate();
            var intake = new ChangeIntake(database.Database, mappings, journal, gate, time, new NoDispatchSignal(), new CasePlanner(journal, sync), NullLogger<ChangeIntake>.Instance);
            var plan = await intake.PlanAsync(system.Name, change, cancellationToken).ConfigureAwait(false);
            var report = RehearsalReport.Of(system.Name, request.Record, change, plan, mappings.Current, directory, database.Description);
            if (request.Json)
            {
                RehearsalText.WriteJson(report, output);
            }
            else
            {
                RehearsalText.WriteTable(report, output);
            }

            return 0;
        }
        finally
        {
            (adapter as IDisposable)?.Dispose();
        }
    }
}
