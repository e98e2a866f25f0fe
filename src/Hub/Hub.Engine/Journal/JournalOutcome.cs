namespace Hub.Engine.Journal;

/// <summary>The outcomes a journal entry can record.</summary>
public static class JournalOutcome
{
    public const string Observed = "Observed";
    public const string Applied = "Applied";
    public const string SkippedAsEcho = "SkippedAsEcho";
    public const string Parked = "Parked";
    public const string Released = "Released";
    public const string Failed = "Failed";
    public const string DeadLettered = "DeadLettered";
    public const string Conflict = "Conflict";
    public const string Discarded = "Discarded";
    public const string Replayed = "Replayed";
    public const string Quarantined = "Quarantined";
    public const string Ignored = "Ignored";
    public const string Clamped = "Clamped";
    public const string Recovered = "Recovered";
}
