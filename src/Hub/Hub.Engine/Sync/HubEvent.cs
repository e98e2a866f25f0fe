namespace Hub.Engine.Sync;

/// <summary>Journal kinds for what the hub itself did, beside the canonical change kinds.</summary>
public static class HubEvent
{
    public const string LinkCreated = "LinkCreated";
    public const string Conflict = "Conflict";
    public const string Parked = "Parked";
    public const string DeadLetterReplayed = "DeadLetterReplayed";
    public const string DeadLetterDiscarded = "DeadLetterDiscarded";

    /// <summary>A stamp from another system's clock lay too far ahead of the hub's; the hub's receive time was used.</summary>
    public const string ClockClamped = "ClockClamped";

    /// <summary>A parked change, on release, said something a later reading of the same record already replaced.</summary>
    public const string Superseded = "Superseded";

    /// <summary>A record claimed a case by its correlation key that the hub never asked that system to hold.</summary>
    public const string ClaimRefused = "ClaimRefused";

    /// <summary>A record the adapter could not read or translate, set aside (outcome Quarantined) with its reason.</summary>
    public const string Unreadable = "Unreadable";

    /// <summary>Polling a system began to fail (outcome Failed): once per failure streak, with the first error.</summary>
    public const string PollFailing = "PollFailing";

    /// <summary>Polling a system works again (outcome Recovered): how long it failed, over how many polls.</summary>
    public const string PollRecovered = "PollRecovered";

    /// <summary>A journey milestone written to the origin ticket for the reporter (Detail = the <see cref="Journey.Milestone"/>'s name).</summary>
    public const string Milestone = "Milestone";
}
