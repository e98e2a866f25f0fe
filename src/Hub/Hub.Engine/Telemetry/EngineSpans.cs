using System.Diagnostics;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Persistence;

namespace Hub.Engine.Telemetry;

/// <summary>Starts the engine's spans (<see cref="HubSpans"/>) with their attributes; each is null when nobody listens.</summary>
internal static class EngineSpans
{
    /// <summary>A poll starts a trace of its own, whatever job or request runs it.</summary>
    public static Activity? Poll(string systemName)
    {
        Activity.Current = null; // only in this poll's flow: the caller's own span is back when the poll returns
        var span = HubTelemetry.Source.StartActivity(HubSpans.Poll, ActivityKind.Internal, parentContext: default);
        span?.SetTag(HubAttributes.System, systemName);
        return span;
    }

    /// <summary>One change taken in, in the trace of the poll (or webhook) that read it.</summary>
    public static Activity? Intake(string systemName, string changeKind)
    {
        var span = HubTelemetry.Source.StartActivity(HubSpans.Intake, ActivityKind.Internal);
        span?.SetTag(HubAttributes.System, systemName);
        span?.SetTag(HubAttributes.ChangeKind, changeKind);
        return span;
    }

    /// <summary>One outbox command sent, in the trace its row keeps; a row without one (queued untraced, or by an older hub) starts a trace.</summary>
    public static Activity? Dispatch(OutboxCommand command)
    {
        Activity.Current = null;
        var span = HubTelemetry.Source.StartActivity(HubSpans.Dispatch, ActivityKind.Internal, TraceParent.Parse(command.TraceParent));
        if (span is not null)
        {
            span.SetTag(HubAttributes.CaseId, command.CaseId);
            span.SetTag(HubAttributes.System, command.TargetSystem);
            span.SetTag(HubAttributes.CommandKind, command.Kind);
            span.SetTag(HubAttributes.OutboxId, command.Id);
            span.SetTag(HubAttributes.Attempt, command.Attempts + 1);
        }

        return span;
    }

    /// <summary>Names the case the span running now is about (an intake learns it on the way).</summary>
    public static void AboutCase(string caseId) => Activity.Current?.SetTag(HubAttributes.CaseId, caseId);

    /// <summary>Marks the span as failed, with the hub's own description of the failure (as logged; never a secret).</summary>
    public static void Failed(Activity? span, string error)
    {
        span?.SetStatus(ActivityStatusCode.Error, error);
    }
}
