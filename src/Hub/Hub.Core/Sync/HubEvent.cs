namespace Hub.Core.Sync;

/// <summary>Journal kinds for what the hub itself did, beside the canonical change kinds.</summary>
public static class HubEvent
{
    public const string LinkCreated = "LinkCreated";
    public const string Conflict = "Conflict";
    public const string Parked = "Parked";
    public const string DeadLetterReplayed = "DeadLetterReplayed";
    public const string DeadLetterDiscarded = "DeadLetterDiscarded";
}
