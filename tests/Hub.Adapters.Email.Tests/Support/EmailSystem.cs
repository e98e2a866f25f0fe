using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>
/// One configured contractor mailbox system as the hub would set it up: settings under
/// Hub:Systems:contractor, the adapter state store, the contractor directory in the mappings, and the factory.
/// </summary>
internal sealed class EmailSystem
{
    public const string SystemName = "contractor";

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);
    public InMemoryAdapterStateStore State { get; } = new();

    /// <summary>The store the next adapter gets; <see cref="State"/> unless a test puts a failing one in front of it.</summary>
    public IAdapterStateStore? StateInFront { get; set; }
    public RecordingIgnoredMailJournal Journal { get; } = new();

    /// <summary>Every line the adapter logs, warnings at start among them.</summary>
    public CapturingLoggerProvider Logs { get; } = new();
    public List<ContractorMapping> Contractors { get; } = [];
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The hub's zone (Hub:Sync:TimeZone) as the host gives it to the adapter; Europe/Amsterdam, the host's default.</summary>
    public TimeZoneInfo TextZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The reply reader the adapter gets; the small test reader unless a test wants another (the hub's own).</summary>
    public Func<IMappingProvider, TimeProvider, IContractorReplyReader>? ReplyReader { get; set; }

    /// <summary>Services the host would add besides the state store, the reader and the journal.</summary>
    public ServiceCollection ExtraServices { get; } = new();

    public EmailSystem Set(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    /// <summary>Makes the adapter through the registered factory, as the host does; throws what the factory throws.</summary>
    public ISystemAdapter CreateAdapter()
    {
        var context = Context();
        return context.Services.GetRequiredService<AdapterRegistry>().Get("Email", context.KeyOf("Adapter")).Create(context);
    }

    public SystemContext Context()
    {
        var settings = Settings.ToDictionary(kv => $"Hub:Systems:{SystemName}:{kv.Key}", kv => kv.Value);
        settings[$"Hub:Systems:{SystemName}:Adapter"] = "Email";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        IServiceCollection services = new ServiceCollection();
        foreach (var extra in ExtraServices)
        {
            services.Add(extra);
        }

        var mappings = new StaticMappingProvider(new MappingSet { Contractors = [.. Contractors] });
        var provider = services
            .AddSingleton(StateInFront ?? State)
            .AddSingleton(ReplyReader?.Invoke(mappings, Time) ?? new MinimalReplyReader())
            .AddSingleton<IIgnoredRecordJournal>(Journal)
            .AddEmailAdapter(configuration)
            .BuildServiceProvider();
        return new SystemContext(SystemName, configuration.GetSection($"Hub:Systems:{SystemName}"), provider, new LoggerFactory([Logs]), Time, mappings)
        {
            TextZone = TextZone,
        };
    }
}
