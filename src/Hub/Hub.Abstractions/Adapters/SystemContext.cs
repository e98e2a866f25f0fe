using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>Everything an adapter factory needs to make the adapter for one configured system.</summary>
public sealed record SystemContext(
    string SystemName,
    IConfigurationSection Configuration,
    IServiceProvider Services,
    ILoggerFactory LoggerFactory,
    TimeProvider Time,
    IMappingProvider Mappings)
{
    /// <summary>The zone of the texts people read (Hub:Sync:TimeZone): appointments are told in it. UTC when the host names none.</summary>
    public TimeZoneInfo TextZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>An appointment as this system's people read it: in its language (<see cref="MappingSet.LanguageOf"/>) and <see cref="TextZone"/>.</summary>
    public string AppointmentSentence(AppointmentWindow window) =>
        AppointmentText.For(window, Mappings.Current.LanguageOf(SystemName), TextZone);

    /// <summary>The full configuration key of a setting, for error messages: "Hub:Systems:servicedesk:BaseUrl".</summary>
    public string KeyOf(string setting) => $"{Configuration.Path}:{setting}";

    /// <summary>
    /// This system's options (the named options registered by <see cref="AdapterRegistration.AddSystemAdapter{TFactory, TOptions, TValidator}"/>),
    /// validated; throws a <see cref="HubConfigurationException"/> with every problem when they are not.
    /// </summary>
    public TOptions OptionsOf<TOptions>()
        where TOptions : class
    {
        try
        {
            return Services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(SystemName);
        }
        catch (OptionsValidationException refused)
        {
            throw HubConfigurationException.From(refused);
        }
    }
}
