namespace Hub.Sandbox.Chains;

/// <summary>The chains <c>--chain</c> names, the default first.</summary>
internal static class SandboxChains
{
    public static IReadOnlyList<SandboxChain> All { get; } =
        [new TopDeskDynamicsChain(), new ServiceNowServiceDeskChain(), new ServiceNowFacilityChain(), new TopDeskTopDeskChain()];

    public static SandboxChain Default => All[0];

    /// <summary>"topdesk-dynamics, servicenow-servicedesk, …", for help and for the refusal of an unknown name.</summary>
    public static string Names => string.Join(", ", All.Select(c => c.Name));

    public static SandboxChain? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
