using Hub.Abstractions.Adapters;

namespace Hub.Host.Plugins;

/// <summary>An adapter plugin the hub loaded: the adapter type it answers to, its assembly and version, the folder it came from, the contract it was built against.</summary>
internal sealed record LoadedAdapterPlugin(string AdapterType, string Assembly, string Version, string Folder, Version ContractVersion, IAdapterPlugin Entry)
{
    /// <summary>"TicketDesk: Hub.Adapters.Example 1.2.0 (adapter contract 1.0) from /opt/hub/plugins/TicketDesk".</summary>
    public string Describe() => $"{AdapterType}: {Assembly} {Version} (adapter contract {AdapterContractVersion.Text(ContractVersion)}) from {Folder}";
}
