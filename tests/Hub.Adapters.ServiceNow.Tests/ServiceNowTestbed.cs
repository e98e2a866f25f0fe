using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Simulators.ServiceNow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.ServiceNow.Tests;

/// <summary>A simulated ServiceNow instance and adapters wired to it the way the hub wires them (configuration → factory).</summary>
public sealed class ServiceNowTestbed : IDisposable
{
    public const string SystemName = "servicedesk";

    public ServiceNowTestbed(ServiceNowSimulatorOptions? options = null)
    {
        Simulator = new ServiceNowSimulator(options);
        Time = Simulator.Options.Time;
    }

    public ServiceNowSimulator Simulator { get; }

    public TimeProvider Time { get; }

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Settings under Hub:Systems:servicedesk (Basic, or OAuth client credentials), with short retries; <paramref name="overrides"/> win.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides = null, bool oauth = false)
    {
        var prefix = $"Hub:Systems:{SystemName}:";
        var settings = Simulator.SettingsFor(SystemName, oauth).ToDictionary(p => p.Key[prefix.Length..], p => p.Value);
        settings["AssignmentGroup"] = "Facilities";
        settings["Http:MaxRetries"] = "1";
        settings["Http:BaseDelay"] = "00:00:00.010";
        settings["Http:AttemptTimeout"] = "00:00:10";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public ISystemAdapter CreateAdapter(IDictionary<string, string?>? overrides = null, bool oauth = false) => Create(Settings(overrides, oauth), Time);

    public static ISystemAdapter Create(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => $"Hub:Systems:{SystemName}:{p.Key}", p => p.Value))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddServiceNowAdapter(configuration).BuildServiceProvider();
        var context = new SystemContext(SystemName, configuration.GetSection($"Hub:Systems:{SystemName}"), services, NullLoggerFactory.Instance,
            time ?? TimeProvider.System, new StaticMappingProvider(MappingSet.Empty));
        return services.GetRequiredService<AdapterRegistry>().Get("ServiceNow", context.KeyOf("Adapter")).Create(context);
    }

    public static CreateRecordCommand CreateCommand(string key, string title = "Blocked toilet on the 2nd floor") => new()
    {
        CaseId = "HUB-2026-000042",
        CorrelationKey = key,
        Fields = new CaseFields
        {
            Title = title,
            Description = "The toilet by the canteen does not flush.",
            Reporter = new CaseReporter("Abel Tuter", "abel.tuter@example.com", "+31 20 123 4567"),
            Location = new CaseLocation("Head office", "Building A", "2", "2.14"),
        },
        TargetValues = new Dictionary<string, string>
        {
            [MappedField.Category] = "facilities",
            [MappedField.Subcategory] = "plumbing",
            [MappedField.Status] = "1",
            [MappedField.Priority] = "3",
        },
        UpstreamRecords = [new CaseLink("HUB-2026-000042", "facility", "cas-1", "CAS-01234-X1Y2", "facility")],
    };

    public static string NewKey() => "HUB-TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Reads pages until the adapter says there is no more, as the engine does.</summary>
    public static async Task<(List<ObservedChange> Changes, List<UnreadableRecord> Unreadable, string? Watermark, int Pages)> ReadAllAsync(ISystemAdapter adapter, string? watermark)
    {
        var changes = new List<ObservedChange>();
        var unreadable = new List<UnreadableRecord>();
        var pages = 0;
        for (; pages < 100; pages++)
        {
            var batch = await adapter.ReadChangesAsync(watermark, Timeout);
            changes.AddRange(batch.Changes);
            unreadable.AddRange(batch.Unreadable);
            watermark = batch.NextWatermark;
            if (!batch.HasMore)
            {
                break;
            }
        }

        return (changes, unreadable, watermark, pages + 1);
    }

    public void Dispose() => Simulator.Dispose();
}
