using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Validates one configured system's adapter options without making its adapter, so a start or a <c>hub</c> command
/// can name every wrong setting of every system at once. <see cref="AdapterRegistration"/> registers one per system.
/// </summary>
public sealed class AdapterSettingsCheck(string systemName, Action<IServiceProvider> validate)
{
    public string SystemName => systemName;

    /// <summary>Every problem of this system's adapter settings, each naming its full key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            validate(services);
            return [];
        }
        catch (OptionsValidationException refused)
        {
            return [.. refused.Failures];
        }
        catch (HubConfigurationException refused)
        {
            return refused.Problems;
        }
    }
}
