namespace Hub.Abstractions.Adapters;

/// <summary>
/// Makes adapters of one type ("TopDesk", "Dynamics", "Email") for each configured system of that type.
/// Each adapter project registers exactly one factory, with its options, through its Add...Adapter() method
/// (<see cref="AdapterRegistration.AddSystemAdapter{TFactory, TOptions, TValidator}"/>).
/// </summary>
public interface IAdapterFactory
{
    /// <summary>The value of <c>Hub:Systems:&lt;name&gt;:Adapter</c> this factory answers to.</summary>
    string AdapterType { get; }

    /// <summary>
    /// Makes the adapter of one system from its validated options (<see cref="SystemContext.OptionsOf{TOptions}"/>); throws
    /// <see cref="HubConfigurationException"/> with every wrong setting, each named by its full key.
    /// </summary>
    ISystemAdapter Create(SystemContext context);
}
