namespace Hub.Abstractions.Adapters;

/// <summary>
/// What an adapter can tell beyond <see cref="ISystemAdapter.CheckHealthAsync"/>: whether the system is ready for the
/// hub (reachable, signed in, the permissions the hub needs, the settings it relies on), and which values the
/// system knows for a field the mapping translates, so the engine can find mapped values the system does not have.
/// An adapter that does not implement it is checked by its health answer alone.
/// </summary>
public interface ISystemReadiness
{
    /// <summary>Every readiness check of this system, each passed or failed with a fix; never throws for a down peer.</summary>
    Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The values the system has for a mapped field (<see cref="Model.MappedField"/>: "status", "category", ...), as the mapping writes them; null when
    /// this system has no list of them (its values are then not checked). Throws <see cref="AdapterException"/> when
    /// the list cannot be read.
    /// </summary>
    Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken);
}
