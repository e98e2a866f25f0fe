namespace Hub.Sandbox.Systems;

/// <summary>The middle system of a chain: the building manager's, where the hub opens the complaint and which sends the work order.</summary>
internal abstract class SandboxFacility : SandboxSystem
{
    /// <summary>True when the building manager's record of the complaint is resolved (the contractor reported done).</summary>
    public abstract bool HasResolved();
}
