using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Abstractions.Adapters;

/// <summary>The one shape in which every adapter project registers itself: its Add...Adapter() method calls this.</summary>
public static class AdapterRegistration
{
    /// <summary>
    /// Registers the adapter's one factory and its options validator, and for every system configured with
    /// <c>Hub:Systems:&lt;name&gt;:Adapter</c> = <paramref name="adapterType"/> its named options (name = the system's name),
    /// bound from <c>Hub:Systems:&lt;name&gt;</c> and validated on start, and an <see cref="AdapterSettingsCheck"/> for them. Registering twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSystemAdapter<TFactory, TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string adapterType)
        where TFactory : class, IAdapterFactory
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IAdapterFactory) && d.ImplementationType == typeof(TFactory)))
        {
            return services;
        }

        services.AddSingleton<IAdapterFactory, TFactory>();
        services.TryAddSingleton<AdapterRegistry>();
        var forms = new SettingFormCheck<TOptions>();
        services.AddSingleton<IValidateOptions<TOptions>>(forms);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        foreach (var system in configuration.GetSection(SystemKeys.Section).GetChildren()
                     .Where(s => string.Equals(s[SystemKeys.AdapterSetting], adapterType, StringComparison.OrdinalIgnoreCase)))
        {
            services.AddOptions<TOptions>(system.Key)
                .Configure(options => forms.Bound(system.Key, SettingForms.Bind(system, options)))
                .ValidateOnStart();
            var name = system.Key;
            services.AddSingleton(new AdapterSettingsCheck(name, provider => _ = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        }

        return services;
    }
}
