namespace Hub.Abstractions.Adapters;

/// <summary>
/// Makes adapters of one type ("TopDesk", "Dynamics", "Email") for each configured system of that type.
/// Each adapter project registers exactly one factory with its Add...Adapter() method.
/// </summary>
public interface IAdapterFactory
{
    /// <summary>The value of <c>Hub:Systems:&lt;name&gt;:Adapter</c> this factory answers to.</summary>
    string AdapterType { get; }

    /// <summary>
    /// Binds and validates the system's options; throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// or <see cref="HubConfigurationException"/> naming the full key when a setting is wrong.
    /// </summary>
    ISystemAdapter Create(SystemContext context);
}
