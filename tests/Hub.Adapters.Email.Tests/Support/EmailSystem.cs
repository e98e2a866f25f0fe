using Hub.Adapters.Email.Ignored;
using Hub.Core.Adapters;
using Hub.Core.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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
    public RecordingIgnoredMailJournal Journal { get; } = new();
    public List<ContractorMapping> Contractors { get; } = [];
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Services the host would add besides the state store, the reader and the journal.</summary>
    public ServiceCollection ExtraServices { get; } = new();

    public EmailSystem Set(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public ISystemAdapter CreateAdapter() => new EmailAdapterFactory().Create(Context());

    public SystemContext Context()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings.ToDictionary(kv => $"Hub:Systems:{SystemName}:{kv.Key}", kv => kv.Value))
            .Build();
        IServiceCollection services = new ServiceCollection();
        foreach (var extra in ExtraServices)
        {
            services.Add(extra);
        }

        var provider = services
            .AddSingleton<IAdapterStateStore>(State)
            .AddSingleton<IContractorReplyReader, MinimalReplyReader>()
            .AddSingleton<IIgnoredMailJournal>(Journal)
            .BuildServiceProvider();
        var mappings = new StaticMappingProvider(new MappingSet { Contractors = [.. Contractors] });
        return new SystemContext(SystemName, configuration.GetSection($"Hub:Systems:{SystemName}"), provider, NullLoggerFactory.Instance, Time, mappings);
    }
}
