using Hub.Engine.Audit;

namespace Hub.Host.Cli;

/// <summary>The object `hub trace --json` prints (the shape the design guide promises; camelCase, ISO-8601 times).</summary>
internal sealed record TraceJson(string CaseId, string? Title, string? Status, IReadOnlyList<TraceJsonLink> Links, IReadOnlyList<TraceJsonEvent> Events)
{
    public static TraceJson From(CaseTrace trace) => new(
        trace.Case.CaseId,
        trace.Case.Title,
        trace.Case.Status,
        [.. trace.Links.Select(l => new TraceJsonLink(l.System, l.ExternalId, l.Number, l.Role))],
        [.. trace.Events.Select(e => new TraceJsonEvent(e.At, e.Kind, e.SourceSystem, e.TargetSystem, e.Outcome, e.Detail))]);
}

internal sealed record TraceJsonLink(string System, string ExternalId, string? Number, string Role);

internal sealed record TraceJsonEvent(DateTimeOffset At, string Kind, string? Source, string? Target, string Outcome, string? Detail);
