using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Abstractions.Model;

namespace Hub.Host.Cli.Rehearsal;

/// <summary>
/// Prints a <see cref="RehearsalReport"/>: tables for a terminal (every text from another system through
/// <see cref="TerminalText"/>), or the exact report as JSON.
/// </summary>
internal static class RehearsalText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Long texts (a description) are cut in the table; the JSON keeps them whole.</summary>
    private static string Cell(string text) => TextCut.Shorten(text, 60);

    public static void WriteJson(RehearsalReport report, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteTable(RehearsalReport report, TextWriter output)
    {
        var number = report.RecordNumber is null ? string.Empty : $" ({TerminalText.Clean(report.RecordNumber)})";
        output.WriteLine($"Dry run: {report.System} record {TerminalText.Clean(report.Record)}{number}, mapping {report.MappingVersion} from {report.MappingsDirectory}");
        output.WriteLine($"Planned against: {report.Database}. Nothing was written.");
        output.WriteLine($"Outcome: {report.Outcome}: {TerminalText.Clean(report.Meaning)}");
        if (report.ParkedBecause is { } parked)
        {
            output.WriteLine($"Parked because: {TerminalText.Clean(parked)}");
        }

        output.WriteLine();
        output.WriteLine("Canonical change");
        var canonical = new TextTable("FIELD", "SOURCE VALUE", "CANONICAL", "NOTE");
        foreach (var value in report.Canonical)
        {
            canonical.Add(value.Field, value.SourceValue ?? string.Empty, Cell(value.Canonical ?? "-"), value.Note ?? string.Empty);
        }

        canonical.WriteTo(output);
        output.WriteLine();
        output.WriteLine("Routes");
        var routes = new TextTable("ROUTE", "FROM -> TO", "TAKES", "WHY", "CONTRACTOR");
        foreach (var route in report.Routes)
        {
            routes.Add(route.Name, $"{route.From} -> {route.To}", route.Takes ? "yes" : "no", route.Why, route.Contractor ?? string.Empty);
        }

        routes.WriteTo(output);
        foreach (var write in report.Writes)
        {
            output.WriteLine();
            var contractor = write.Contractor is null ? string.Empty : $", contractor {TerminalText.Clean(write.Contractor)}";
            output.WriteLine($"{write.Target}: {write.Action}{contractor}");
            var fields = new TextTable("FIELD", "CANONICAL", "WRITTEN AS", "NOTE");
            foreach (var field in write.Fields)
            {
                var written = field.TargetValue is null ? "-" : field.TargetValue == field.Canonical ? "(same)" : Cell(field.TargetValue);
                fields.Add(field.Field, Cell(field.Canonical), written, field.Note ?? string.Empty);
            }

            fields.WriteTo(output);
            if (write.Comment is { } comment)
            {
                output.WriteLine($"  comment {TerminalText.Clean(Cell(comment))}");
            }
        }

        if (report.Writes.Count == 0)
        {
            output.WriteLine();
            output.WriteLine("No system would be written to.");
        }

        output.WriteLine();
        output.WriteLine("Journal lines the hub would write");
        var journal = new TextTable("KIND", "OUTCOME", "TARGET", "DETAIL");
        foreach (var line in report.Journal)
        {
            journal.Add(line.Kind, line.Outcome, line.Target ?? string.Empty, line.Detail ?? string.Empty);
        }

        journal.WriteTo(output);
    }
}
