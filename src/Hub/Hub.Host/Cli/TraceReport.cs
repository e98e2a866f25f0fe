using Hub.Engine.Audit;

namespace Hub.Host.Cli;

/// <summary>`hub trace` for people: the case, its records, how long it waited where, and its timeline.</summary>
internal static class TraceReport
{
    private const int DetailWidth = 70;

    public static void Write(CaseTrace trace, TextWriter output)
    {
        var summary = trace.Case;
        output.WriteLine($"Case {summary.CaseId}: {AuditText.Cell(summary.Title, 100)}");
        output.WriteLine($"  Status {AuditText.Cell(summary.Status ?? "-", 40)}, priority {AuditText.Cell(summary.Priority ?? "-", 40)}, opened {AuditText.Time(summary.CreatedAt)} UTC in {TerminalText.Clean(summary.OriginSystem)}.");
        output.WriteLine(trace.Current is { } now
            ? $"  Now at {TerminalText.Clean(now.Role)} ({TerminalText.Clean(now.System)}) for {AuditText.Duration(now.Waited)}."
            : "  Not waiting at any organisation (resolved, or no record yet).");

        output.WriteLine();
        output.WriteLine("Records");
        var links = new TextTable("ROLE", "SYSTEM", "NUMBER", "EXTERNAL ID", "LINKED (UTC)");
        foreach (var link in trace.Links)
        {
            links.Add(link.Role, link.System, AuditText.Cell(link.Number, 30), AuditText.Cell(link.ExternalId, 60), AuditText.Time(link.LinkedAt));
        }

        links.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Time in each organisation");
        var stays = new TextTable("ROLE", "SYSTEM", "FROM (UTC)", "UNTIL (UTC)", "WAITED");
        foreach (var stay in trace.Stays)
        {
            stays.Add(stay.Role, stay.System, AuditText.Time(stay.From), stay.Until is { } until ? AuditText.Time(until) : "now", AuditText.Duration(stay.Waited));
        }

        stays.WriteTo(output);

        output.WriteLine();
        output.WriteLine("Timeline");
        var events = new TextTable("#", "AT (UTC)", "KIND", "ROUTE", "OUTCOME", "DETAIL");
        foreach (var entry in trace.Events)
        {
            events.Add(
                entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AuditText.Time(entry.At),
                entry.Kind,
                AuditText.Route(entry.SourceSystem, entry.TargetSystem),
                entry.Outcome,
                AuditText.Cell(entry.Error ?? entry.Detail, DetailWidth));
        }

        events.WriteTo(output);
    }
}
