using System.CommandLine;
using Hub.Engine.Audit;

namespace Hub.Host.Cli;

/// <summary>`hub log`: the journal, filtered, streamed to stdout as a table, JSON lines or CSV.</summary>
internal sealed class LogCommand : IHubCommandFactory
{
    public Command Create()
    {
        var caseId = new Option<string?>("--case") { Description = "Only entries of this case (hub id)." };
        var system = new Option<string?>("--system") { Description = "Only entries whose source or target is this system (e.g. servicedesk)." };
        var kind = new Option<string?>("--kind") { Description = "Only entries of this kind (e.g. StatusChanged, LinkCreated); any letter case." };
        var outcome = new Option<string?>("--outcome") { Description = "Only entries with this outcome (e.g. Applied, Failed, DeadLettered); any letter case." };
        var since = AuditCliOptions.Since();
        var until = AuditCliOptions.Until();
        var format = new Option<string>("--format")
        {
            Description = "table (for people), json (JSON lines: one object per line, no enclosing array) or csv (header row, RFC 4180).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");

        var command = new Command("log", "Query the journal, oldest first, streaming (memory stays flat however large the journal is).")
        {
            caseId, system, kind, outcome, since, until, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var filter = new JournalFilter
            {
                CaseId = parse.GetValue(caseId),
                System = parse.GetValue(system),
                Kind = parse.GetValue(kind),
                Outcome = parse.GetValue(outcome),
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
            };
            return await AuditDatabase.ReadAsync(parse, async db =>
            {
                var records = JournalQuery.StreamAsync(db, filter);
                var output = parse.InvocationConfiguration.Output;
                _ = parse.GetRequiredValue(format) switch
                {
                    "json" => await JournalExport.WriteJsonLinesAsync(records, output, ct).ConfigureAwait(false),
                    "csv" => await JournalExport.WriteCsvAsync(records, output, ct).ConfigureAwait(false),
                    _ => await JournalTable.WriteAsync(records, output, ct).ConfigureAwait(false),
                };
                return 0;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }
}
