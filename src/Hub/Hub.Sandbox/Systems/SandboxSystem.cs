namespace Hub.Sandbox.Systems;

/// <summary>
/// One simulated organisation's system in the sandbox's chain, on loopback: what it is (its product, in its maker's
/// name), where it listens, and the settings a site would write for it under <c>Hub:Systems:&lt;name&gt;</c>.
/// </summary>
internal abstract class SandboxSystem : IDisposable
{
    /// <summary>The product, as the banner names it: "TOPdesk", "Dynamics 365", "ServiceNow".</summary>
    public abstract string Product { get; }

    public abstract string Url { get; }

    /// <summary>The hub's settings for this system under the given name, keyed "Hub:Systems:&lt;name&gt;:…"; files it needs go into <paramref name="folder"/>.</summary>
    public abstract IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder);

    public abstract void Dispose();
}
