using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Names of the hub's Quartz jobs.</summary>
internal static class JobKeys
{
    public const string SystemData = "system";

    private const string PollPrefix = "poll-";

    public static JobKey Overdue { get; } = new("overdue", "hub");

    /// <summary>The overdue check's trigger, named so that a persistent (clustered) store replaces it at every start.</summary>
    public static TriggerKey OverdueTrigger { get; } = new("overdue", "hub");

    public static JobKey Poll(string system) => new(PollPrefix + system, "hub");

    /// <summary>
    /// The poll's trigger, named so that a persistent (clustered) store replaces it at every start: a trigger without
    /// a name is stored under a new generated key each time, and every copy fires.
    /// </summary>
    public static TriggerKey PollTrigger(string system) => new(PollPrefix + system, "hub");

    /// <summary>The system a poll job's name is about ("poll-servicedesk": servicedesk).</summary>
    public static string SystemOf(string jobName) =>
        jobName.StartsWith(PollPrefix, StringComparison.Ordinal) ? jobName[PollPrefix.Length..] : jobName;
}
