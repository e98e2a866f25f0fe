using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>
/// The shape every adapter project has, whatever system it speaks to: one registration method that adds exactly one
/// factory, options per configured system (named after it) bound from <c>Hub:Systems:&lt;name&gt;</c> and validated on
/// start with every problem at once, each naming its full key, and nothing public besides the registration and the
/// options. Each adapter's test project derives from this class once.
/// </summary>
public abstract class AdapterShapeTests
{
    private const string SystemName = "shaped";
    private const string OtherSystem = "elsewhere";

    /// <summary>The value of <c>Hub:Systems:&lt;name&gt;:Adapter</c> the adapter answers to.</summary>
    protected abstract string AdapterType { get; }

    /// <summary>Settings under <c>Hub:Systems:&lt;name&gt;</c> (without Adapter) with which the options are valid.</summary>
    protected abstract IReadOnlyDictionary<string, string?> ValidSettings { get; }

    /// <summary>At least two settings, each given a wrong value; every one of them must be refused by its key.</summary>
    protected abstract IReadOnlyDictionary<string, string?> WrongSettings { get; }

    /// <summary>Calls the adapter's one registration method.</summary>
    protected abstract IServiceCollection Register(IServiceCollection services, IConfiguration configuration);

    /// <summary>The class holding the registration method, and the options class with the types its settings are made of.</summary>
    protected abstract IReadOnlyCollection<Type> PublicTypes { get; }

    [Fact]
    public void The_registration_adds_exactly_one_factory_for_its_adapter_type_even_when_called_twice()
    {
        var configuration = Configuration(ValidSettings);
        var services = new ServiceCollection();

        Register(Register(services, configuration), configuration);
        using var provider = services.BuildServiceProvider();

        var factory = Assert.Single(provider.GetServices<IAdapterFactory>());
        Assert.Equal(AdapterType, factory.AdapterType);
        Assert.Same(factory, provider.GetRequiredService<AdapterRegistry>().Get(AdapterType.ToUpperInvariant(), "Hub:Systems:x:Adapter"));
    }

    [Fact]
    public void Every_wrong_setting_of_a_system_is_refused_on_start_at_once_each_by_its_full_key()
    {
        Assert.True(WrongSettings.Count >= 2, "name at least two wrong settings");
        var settings = ValidSettings.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in WrongSettings)
        {
            settings[key] = value;
        }

        using var provider = Register(new ServiceCollection(), Configuration(settings)).BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(SystemName, refused.OptionsName);
        Assert.Equal(WrongSettings.Count, refused.Failures.Count());
        foreach (var setting in WrongSettings.Keys)
        {
            Assert.Contains(refused.Failures, f => f.StartsWith($"Hub:Systems:{SystemName}:{setting}: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Valid_settings_pass_the_start_check_and_a_system_of_another_adapter_type_is_left_alone()
    {
        var configuration = Configuration(ValidSettings, new Dictionary<string, string?>
        {
            [$"Hub:Systems:{OtherSystem}:Adapter"] = "SomethingElse",
            [$"Hub:Systems:{OtherSystem}:BaseUrl"] = "nonsense",
        });

        using var provider = Register(new ServiceCollection(), configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Only_the_registration_and_the_options_are_public()
    {
        var assembly = PublicTypes.First().Assembly;

        Assert.Equal(
            PublicTypes.Select(t => t.FullName).Order(StringComparer.Ordinal),
            assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    private IConfiguration Configuration(IReadOnlyDictionary<string, string?> system, IDictionary<string, string?>? more = null)
    {
        var settings = system.ToDictionary(p => $"Hub:Systems:{SystemName}:{p.Key}", p => p.Value);
        settings[$"Hub:Systems:{SystemName}:Adapter"] = AdapterType;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
