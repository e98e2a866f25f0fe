using Quartz;

namespace Hub.Host.Jobs;

/// <summary>Names of the hub's Quartz jobs.</summary>
internal static class JobKeys
{
    public const string SystemData = "system";

    public static JobKey Dispatch { get; } = new("dispatch", "hub");

    public static JobKey Overdue { get; } = new("overdue", "hub");

    public static JobKey Poll(string system) => new($"poll-{system}", "hub");
}
