using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Audit;

public sealed class JournalExportTests
{
    private static readonly JournalRecord Hostile = new()
    {
        Sequence = 7,
        At = new DateTimeOffset(2026, 11, 20, 8, 5, 0, TimeSpan.Zero),
        CaseId = "HUB-2026-000042",
        Kind = "CommentAdded",
        SourceSystem = "contractor",
        Outcome = "Applied",
        Detail = "=HYPERLINK(\"http://evil.example\",\"klik\")",
        Error = "line one,\nline \"two\"",
        PreviousHash = new string('a', 64),
        Hash = new string('b', 64),
    };

    [Fact]
    public async Task When_exported_as_csv_text_a_spreadsheet_would_run_is_escaped_and_every_field_survives()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        var count = await JournalExport.WriteCsvAsync(Records(Hostile), output, CancellationToken.None);

        using var reader = new CsvReader(new StringReader(output.ToString()), CultureInfo.InvariantCulture);
        var row = Assert.Single(reader.GetRecords<Row>().ToList());
        Assert.Equal(1, count);
        Assert.StartsWith("'=", row.Detail, StringComparison.Ordinal);
        Assert.Equal(Hostile.Error, row.Error);
        Assert.Equal("2026-11-20T08:05:00.0000000+00:00", row.At);
        Assert.Equal(Hostile.Hash, row.Hash);
    }

    [Fact]
    public async Task When_exported_as_json_lines_each_entry_is_one_camel_case_object_on_its_own_line()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        await JournalExport.WriteJsonLinesAsync(Records(Hostile, Hostile with { Sequence = 8 }), output, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(7, first.RootElement.GetProperty("sequence").GetInt64());
        Assert.Equal(Hostile.Error, first.RootElement.GetProperty("error").GetString());
        Assert.Equal(Hostile.At, first.RootElement.GetProperty("at").GetDateTimeOffset());
    }

    private static async IAsyncEnumerable<JournalRecord> Records(params JournalRecord[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private sealed class Row
    {
        public string At { get; set; } = string.Empty;
        public string? Detail { get; set; }
        public string? Error { get; set; }
        public string Hash { get; set; } = string.Empty;
    }
}
