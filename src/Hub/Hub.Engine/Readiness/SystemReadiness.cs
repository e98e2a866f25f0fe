using Hub.Abstractions.Adapters;

namespace Hub.Engine.Readiness;

/// <summary>One system's readiness: its adapter's health answer and every check, passed or failed.</summary>
public sealed record SystemReadiness(string SystemName, AdapterHealth Health, IReadOnlyList<SystemCheck> Checks)
{
    public bool AllPassed => Health.IsHealthy && Checks.All(c => c.Passed);

    public IEnumerable<SystemCheck> Failed => Checks.Where(c => !c.Passed);
}
