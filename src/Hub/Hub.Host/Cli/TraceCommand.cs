using System.CommandLine;
using System.Text.Json;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;

namespace Hub.Host.Cli;

/// <summary>`hub trace &lt;ref&gt; [--json]`: one complaint's whole chain, found by any of its references.</summary>
internal sealed class TraceCommand : IHubCommandFactory
{
    public const int NotFound = 1;

    private static readonly JsonSerializerOptions Indented = new(JournalExport.Json) { WriteIndented = true };

    public Command Create()
    {
        var reference = new Argument<string>("ref")
        {
            Description = "Hub id (HUB-2026-000042), a TOPdesk number (\"I 2026 042\", spaces optional), a Dynamics ticket number, a work-order token (WO-7K3QX9PM, brackets optional) or any record id.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object: caseId, title, status, links[] (system, externalId, number, role), events[] (at, kind, source, target, outcome, detail).",
        };
        var command = new Command("trace", "Show one complaint's records in every system and its timeline.") { reference, json };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(reference), parse.GetValue(json), ct));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, string reference, bool json, CancellationToken cancellationToken) =>
        AuditDatabase.ReadAsync(parse, db => TraceAsync(db, parse, reference, json, cancellationToken), cancellationToken);

    private static async Task<int> TraceAsync(HubDbContext db, ParseResult parse, string reference, bool json, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var matches = await CaseFinder.FindAsync(db, reference, cancellationToken).ConfigureAwait(false);
        if (matches.Count != 1)
        {
            ExplainNoSingleMatch(error, reference, matches);
            return NotFound;
        }

        var trace = await CaseTraceQuery.LoadAsync(db, matches[0].CaseId, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (trace is null)
        {
            ExplainNoSingleMatch(error, reference, []);
            return NotFound;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(TraceJson.From(trace), Indented).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            TraceReport.Write(trace, output);
        }

        return 0;
    }

    private static void ExplainNoSingleMatch(TextWriter error, string reference, IReadOnlyList<CaseMatch> matches)
    {
        if (matches.Count == 0)
        {
            error.WriteLine($"No case found for '{AuditText.Cell(reference, 80)}'. Give a hub id (HUB-2026-000042), a TOPdesk or Dynamics number, a work-order token or a record id.");
            return;
        }

        error.WriteLine($"'{AuditText.Cell(reference, 80)}' matches {matches.Count} cases; trace one of them by its hub id:");
        foreach (var match in matches)
        {
            error.WriteLine($"  {match.CaseId}  ({match.MatchedBy})  {AuditText.Cell(match.Title, 60)}");
        }
    }
}
