using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hub.Host.Tests.Audit;

[Collection(LargeJournalGroup.Name)]
public sealed class LogCommandTests(LargeJournalFixture fixture, ITestOutputHelper log)
{
    private static readonly JournalEntry[] Expected = [.. LargeJournal.Entries()];

    [Fact]
    public async Task When_filtered_by_case_as_json_lines_only_that_cases_entries_stream_out_in_order()
    {
        var caseId = LargeJournal.CaseIdOf(7);
        var sequences = new List<long>();
        var output = new LineCounter(line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.Equal(caseId, entry.RootElement.GetProperty("caseId").GetString());
            sequences.Add(entry.RootElement.GetProperty("sequence").GetInt64());
        });

        var exit = await HubCliRun.RunAsync(fixture.Temp, output, TextWriter.Null, "log", "--case", caseId, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(Expected.Where(e => e.CaseId == caseId).Select(e => e.Sequence), sequences);
    }

    [Fact]
    public async Task When_filtered_by_system_kind_and_outcome_as_csv_every_matching_row_is_written()
    {
        var result = await HubCliRun.RunAsync(fixture.Temp, "log", "--system", "contractor", "--kind", "Created", "--outcome", "Failed", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        using var csv = new CsvReader(new StringReader(result.Output), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<JournalRecord>().ToList();
        var expected = Expected.Where(e => (e.SourceSystem == "contractor" || e.TargetSystem == "contractor") && e.Kind == "Created" && e.Outcome == "Failed").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Sequence), rows.Select(r => r.Sequence));
        Assert.Equal(expected.Select(e => e.Hash), rows.Select(r => r.Hash));
        Assert.Equal(expected.Select(e => e.At), rows.Select(r => r.At));
    }

    [Fact]
    public async Task When_given_a_time_range_as_a_table_rows_from_since_up_to_until_are_printed()
    {
        var since = LargeJournal.Start.AddDays(10);
        var until = since.AddHours(5);

        var result = await HubCliRun.RunAsync(fixture.Temp, "log", "--since", since.ToString("O", CultureInfo.InvariantCulture), "--until", "2026-01-11T05:00:00Z");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("       #  AT (UTC)", lines[0], StringComparison.Ordinal);
        var expected = Expected.Where(e => e.At >= since && e.At < until).ToList();
        Assert.Equal(expected.Count + 1, lines.Length);
        Assert.StartsWith($"{expected[0].Sequence,8}  2026-01-11 00:00:00  {expected[0].CaseId}", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_time_is_not_a_time_the_command_says_which_option_and_fails()
    {
        var result = await HubCliRun.RunAsync(fixture.Temp, "log", "--since", "yesterday-ish");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--since: 'yesterday-ish' is not a time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_whole_journal_streams_out_memory_stays_far_below_what_holding_all_rows_needs()
    {
        await HubCliRun.RunAsync(fixture.Temp, TextWriter.Null, TextWriter.Null, "log", "--case", "warm-up", "--format", "json");
        var holdingAll = await BytesToHoldAllRowsAsync(fixture.Temp.Database);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long previous = 0;
        var output = new LineCounter(line =>
        {
            var sequence = JsonDocument.Parse(line).RootElement.GetProperty("sequence").GetInt64();
            Assert.Equal(previous + 1, sequence);
            previous = sequence;
        });

        var exit = await HubCliRun.RunAsync(fixture.Temp, output, TextWriter.Null, "log", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(LargeJournal.Count, output.Lines);
        var growth = output.PeakLiveBytes - baseline;
        log.WriteLine($"live heap growth while streaming {LargeJournal.Count:N0} entries: {growth:N0} bytes; holding them all: {holdingAll:N0} bytes");
        Assert.True(holdingAll > 20_000_000, $"holding all rows took only {holdingAll:N0} bytes; the journal is too small to tell streaming from loading");
        Assert.True(growth < holdingAll / 10, $"streaming grew the live heap by {growth:N0} bytes; holding all rows takes {holdingAll:N0}");
    }

    private static async Task<long> BytesToHoldAllRowsAsync(HubDatabase database)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var db = database.CreateContext();
        var all = await JournalQuery.Records(db, JournalFilter.All).ToListAsync();
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(all);
        return held;
    }
}
