namespace Hub.Engine.Persistence;

/// <summary>A key-value pair an adapter keeps for one system (see IAdapterStateStore).</summary>
public sealed class AdapterStateEntry
{
    public required string SystemName { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
