using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>A simulated TOPdesk and adapters wired to it the way the hub wires them (configuration → factory).</summary>
public sealed class TopDeskTestbed : IDisposable
{
    public const string SystemName = "servicedesk";

    /// <summary>A tenant and adapters on <paramref name="time"/> (the system clock unless a test moves one by hand).</summary>
    public TopDeskTestbed(TimeProvider? time = null)
        : this(new TopDeskSimulatorOptions { Time = time ?? TimeProvider.System })
    {
    }

    /// <summary>A tenant with these simulator settings; the adapters run on the simulator's clock.</summary>
    public TopDeskTestbed(TopDeskSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Time = options.Time;
        Simulator = new TopDeskSimulator(options);
    }

    public TopDeskSimulator Simulator { get; }

    public TimeProvider Time { get; }

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Settings under Hub:Systems:servicedesk, with short retries; <paramref name="overrides"/> win.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapter"] = "TopDesk",
            ["BaseUrl"] = Simulator.Url,
            ["Username"] = Simulator.Username,
            ["ApplicationPassword"] = Simulator.ApplicationPassword,
            ["OperatorGroup"] = "Facilitaire dienst",
            ["Http:MaxRetries"] = "1",
            ["Http:BaseDelay"] = "00:00:00.010",
            ["Http:AttemptTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The zone of texts people read, as the host gives it by default (Hub:Sync:TimeZone).</summary>
    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public ISystemAdapter CreateAdapter(IDictionary<string, string?>? overrides = null) => Create(Settings(overrides), Time);

    public static ISystemAdapter Create(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => $"Hub:Systems:{SystemName}:{p.Key}", p => p.Value))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTopDeskAdapter(configuration).BuildServiceProvider();
        var registry = services.GetRequiredService<AdapterRegistry>();
        var context = new SystemContext(
            SystemName,
            configuration.GetSection($"Hub:Systems:{SystemName}"),
            services,
            NullLoggerFactory.Instance,
            time ?? TimeProvider.System,
            new StaticMappingProvider(MappingSet.Empty))
        {
            TextZone = Amsterdam,
        };
        return registry.Get("TopDesk", context.KeyOf("Adapter")).Create(context);
    }

    public static CreateRecordCommand CreateCommand(string key, string title = "Toilet verstopt op de 2e verdieping") => new()
    {
        CaseId = "HUB-2026-000042",
        CorrelationKey = key,
        Fields = new CaseFields
        {
            Title = title,
            Description = "Het toilet bij de kantine loopt niet door.",
            Reporter = new CaseReporter("Jan Jansen", "jan.jansen@example.org", "+31 20 123 4567"),
            Location = new CaseLocation("Hoofdkantoor", "Gebouw A", "2", "2.14"),
        },
        TargetValues = new Dictionary<string, string>
        {
            [MappedField.Category] = "Facilitair",
            [MappedField.Subcategory] = "Sanitair",
            [MappedField.Status] = "Geregistreerd",
            [MappedField.Priority] = "Hoog",
        },
        UpstreamRecords = [new CaseLink("HUB-2026-000042", "facility", "cas-1", "CAS-01234-X1Y2", "facility")],
    };

    /// <summary>An employee logs a blocked toilet, already being handled, with only what the polling tests need.</summary>
    public SimulatedIncident LogComplaint(string title) => Simulator.LogIncident(new SimulatedIncidentDraft
    {
        BriefDescription = title,
        Request = "Het toilet op de 2e verdieping loopt niet door.",
        Category = "Facilitair",
        Subcategory = "Sanitair",
        ProcessingStatus = "In behandeling",
        CallerName = "Petra Bakker",
    });

    public static string NewKey() => "HUB-TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public void Dispose() => Simulator.Dispose();
}
