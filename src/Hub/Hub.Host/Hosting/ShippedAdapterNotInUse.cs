using Hub.Abstractions.Adapters;

namespace Hub.Host.Hosting;

/// <summary>
/// A shipped adapter no configured system uses, known by its name only (<see cref="ShippedAdapters"/>). Systems are
/// read once, at start, from the same configuration the adapters are registered from, so nothing asks it for an adapter.
/// </summary>
internal sealed class ShippedAdapterNotInUse(string type) : IAdapterFactory
{
    public string AdapterType { get; } = type;

    public ISystemAdapter Create(SystemContext context) =>
        throw new InvalidOperationException(
            $"The {AdapterType} adapter was not registered: no system named it in the configuration the hub's services were built from.");
}
