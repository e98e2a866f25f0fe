using System.Diagnostics;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Persistence;

namespace Hub.Engine.Telemetry;

/// <summary>How an outbox command's send ended, counted per system and command kind and told on its dispatch span.</summary>
internal static class CommandMetrics
{
    public static void Sent(OutboxCommand command)
    {
        Activity.Current?.SetTag(HubAttributes.Outcome, "sent");
        HubMetrics.CommandsSent.Add(1, Tags(command));
    }

    /// <param name="dead">It became a dead letter (failed for good, or out of attempts); otherwise it is retried later.</param>
    public static void Failed(OutboxCommand command, bool dead, string error)
    {
        if (Activity.Current is { } span)
        {
            span.SetTag(HubAttributes.Outcome, dead ? "dead_lettered" : "failed");
            span.SetStatus(ActivityStatusCode.Error, error);
        }

        (dead ? HubMetrics.CommandsDeadLettered : HubMetrics.CommandsFailed).Add(1, Tags(command));
    }

    private static TagList Tags(OutboxCommand command) => new()
    {
        { HubAttributes.System, command.TargetSystem },
        { HubAttributes.CommandKind, command.Kind },
    };
}
