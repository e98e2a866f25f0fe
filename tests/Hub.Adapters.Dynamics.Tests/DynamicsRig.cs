using System.Security.Cryptography.X509Certificates;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Simulators.Dynamics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>A simulated Dynamics org and adapters configured against it the way the host configures them.</summary>
public sealed class DynamicsRig : IDisposable
{
    public const string SystemName = "facility";
    public const string Prefix = "Hub:Systems:facility:";
    private readonly List<IDisposable> owned = [];

    public DynamicsRig(DynamicsSimulatorOptions? options = null)
    {
        Simulator = new DynamicsSimulator(options);
        TokenEndpointCertificateFile = Path.Combine(Path.GetTempPath(), $"hub-dynamics-token-endpoint-{Guid.NewGuid():N}.cer");
        File.WriteAllBytes(TokenEndpointCertificateFile, Simulator.TokenEndpointCertificate.Export(X509ContentType.Cert));
    }

    public DynamicsSimulator Simulator { get; }

    /// <summary>The simulated token endpoint's certificate as a file, named in TokenEndpointCertificateFile as a real site would.</summary>
    public string TokenEndpointCertificateFile { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public Dictionary<string, string?> Settings() => new()
    {
        [Prefix + "Adapter"] = "Dynamics",
        [Prefix + "BaseUrl"] = Simulator.Url.ToString(),
        [Prefix + "Authority"] = Simulator.Authority.ToString(),
        [Prefix + "TenantId"] = Simulator.TenantId,
        [Prefix + "ClientId"] = Simulator.ClientId,
        [Prefix + "ClientSecret"] = Simulator.ClientSecret,
        [Prefix + "Http:MaxRetries"] = "2",
        [Prefix + "Http:BaseDelay"] = "00:00:00.050",
        [Prefix + "Http:AttemptTimeout"] = "00:00:10",
    };

    public ISystemAdapter CreateAdapter(IReadOnlyDictionary<string, string?>? overrides = null, bool trustTokenEndpoint = true) =>
        (ISystemAdapter)Create(overrides, trustTokenEndpoint);

    /// <summary>Makes the adapter through the registered factory, as the host does; throws what the factory throws.</summary>
    public object Create(IReadOnlyDictionary<string, string?>? overrides = null, bool trustTokenEndpoint = true)
    {
        var settings = Settings();
        if (trustTokenEndpoint)
        {
            settings[Prefix + "TokenEndpointCertificateFile"] = TokenEndpointCertificateFile;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key.StartsWith("Hub:", StringComparison.Ordinal) ? key : Prefix + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDynamicsAdapter(configuration);

        var provider = services.BuildServiceProvider();
        owned.Add(provider);
        var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        owned.Add(loggerFactory);
        var factory = provider.GetRequiredService<AdapterRegistry>().Get("Dynamics", Prefix + "Adapter");
        var context = new SystemContext(SystemName, configuration.GetSection("Hub:Systems:" + SystemName), provider, loggerFactory, TimeProvider.System,
            new StaticMappingProvider(MappingSet.Empty))
        {
            TextZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), // as the host gives it by default (Hub:Sync:TimeZone)
        };
        var adapter = factory.Create(context);
        if (adapter is IDisposable disposable)
        {
            owned.Add(disposable);
        }

        return adapter;
    }

    public CreateRecordCommand NewCase(string correlationKey, string title = "Toilet blocked on the 3rd floor") => new()
    {
        CaseId = correlationKey,
        CorrelationKey = correlationKey,
        Fields = new CaseFields
        {
            Title = title,
            Description = "Water on the floor of the ladies' room.",
            Location = new CaseLocation("Utrecht Central", "Tower B", "3", "3.14"),
            Reporter = new CaseReporter("Jan Jansen", "jan@tenant.example", null),
        },
        TargetValues = new Dictionary<string, string> { [MappedField.Priority] = "1" },
        Parameters = new Dictionary<string, string> { ["customer"] = $"accounts({Simulator.DefaultAccountId})" },
        UpstreamRecords = [new CaseLink("HUB-2026-000042", "servicedesk", "i-1", "I 2026 042", "servicedesk")],
    };

    public static string NewKey() => "HUB-2026-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>Reads pages until the adapter says there is no more, as the engine does.</summary>
    public static async Task<(List<ObservedChange> Changes, string? Watermark, int Pages)> ReadAllAsync(ISystemAdapter adapter, string? watermark)
    {
        var changes = new List<ObservedChange>();
        var pages = 0;
        for (; pages < 100; pages++)
        {
            var batch = await adapter.ReadChangesAsync(watermark, Timeout);
            changes.AddRange(batch.Changes);
            watermark = batch.NextWatermark;
            if (!batch.HasMore)
            {
                break;
            }
        }

        return (changes, watermark, pages + 1);
    }

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            item.Dispose();
        }

        Logs.Dispose();
        Simulator.Dispose();
        File.Delete(TokenEndpointCertificateFile);
    }
}
