using Hub.Abstractions.Adapters;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Sync;

namespace Hub.Engine.Telemetry;

/// <summary>Counts a change taken in by what intake made of it; a change that opened or updated a case also tells the poll lag.</summary>
internal static class IntakeMetrics
{
    public static void Count(string system, ObservedChange change, IntakeResult result, DateTimeOffset now)
    {
        var systemTag = new KeyValuePair<string, object?>(HubAttributes.System, system);
        HubMetrics.ChangesTakenIn.Add(1, systemTag, new KeyValuePair<string, object?>(HubAttributes.IntakeResult, result.ToString()));
        if (result is IntakeResult.Opened or IntakeResult.Updated && HubMetrics.PollLag.Enabled)
        {
            // A source clock ahead of the hub's would make a negative lag: that change counts as taken in at once.
            HubMetrics.PollLag.Record(Math.Max(0, (now - change.OccurredAt).TotalSeconds), systemTag);
        }
    }
}
