using System.Globalization;
using System.Text.Json;
using Hub.Engine.Persistence;

namespace Hub.Host.Tests.Audit;

/// <summary>Text that came from another system (titles, errors, details) never drives the terminal a table is printed on.</summary>
public sealed class RemoteTextInTerminalTests : SeededChainTests
{
    /// <summary>Sets the window title, then clears the screen; then a right-to-left override that would reorder the line.</summary>
    private const string Hostile = "lekkage \u001b]0;pwned\u0007\u001b[2J na \u202Ereparatie\u202C en\u2066 isolate\u2069\r\n\tregel\u009b31m rood\u001bPdcs\u001b\\ eind";

    private static readonly char[] Forbidden = ['\u001b', '\u0007', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\r', '\n', '\t'];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Temp.ExecuteSqlAsync("UPDATE journal SET Detail = $text, Error = $text, Kind = $text WHERE Sequence = 4", ("$text", Hostile));
        await Temp.ExecuteSqlAsync("UPDATE cases SET Title = $text", ("$text", Hostile));
    }

    [Fact]
    public async Task When_a_journal_detail_holds_escape_sequences_and_bidi_overrides_the_log_table_prints_none_of_them()
    {
        var result = await HubCliRun.RunAsync(Temp, "log");

        Assert.Equal(0, result.ExitCode);
        var row = Row(result.Output, 4);
        AssertHarmless(row);
        Assert.Contains("lekkage", row, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", row, StringComparison.Ordinal);
        Assert.DoesNotContain("[2J", row, StringComparison.Ordinal);
        Assert.DoesNotContain("dcs", row, StringComparison.Ordinal);
        Assert.Contains("na reparatie en isolate", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_journal_detail_holds_escape_sequences_json_lines_keep_the_exact_text()
    {
        var result = await HubCliRun.RunAsync(Temp, "log", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        var fourth = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("sequence").GetInt64() == 4);
        Assert.Equal(Hostile, fourth.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task When_a_title_and_detail_hold_escape_sequences_the_trace_report_prints_none_of_them_and_trace_json_keeps_them()
    {
        var report = await HubCliRun.RunAsync(Temp, "trace", ComplaintChain.CaseId);
        var json = await HubCliRun.RunAsync(Temp, "trace", ComplaintChain.CaseId, "--json");

        Assert.Equal(0, report.ExitCode);
        AssertHarmless(report.Output.Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("pwned", report.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(Hostile, document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task When_a_dead_letters_last_error_holds_escape_sequences_the_list_prints_none_of_them()
    {
        await using (var db = Temp.Database.CreateContext())
        {
            db.Outbox.Add(new OutboxCommand
            {
                CaseId = ComplaintChain.CaseId, TargetSystem = "contractor", Operation = "Update", Kind = "StatusChanged", Payload = "{}",
                Status = OutboxStatus.DeadLettered, Attempts = 8, LastError = Hostile,
            });
            await db.SaveChangesAsync();
        }

        var result = await HubCliRun.RunAsync(Temp, "deadletters", "list");

        Assert.Equal(0, result.ExitCode);
        AssertHarmless(result.Output.Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("pwned", result.Output, StringComparison.Ordinal);
        Assert.Contains("lekkage", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_systems_last_error_holds_escape_sequences_status_prints_none_of_them()
    {
        await using (var db = Temp.Database.CreateContext())
        {
            db.Systems.Add(new SystemState { SystemName = "servicedesk", LastError = Hostile });
            await db.SaveChangesAsync();
        }

        var config = Path.Combine(Temp.Directory, "status.json");
        await File.WriteAllTextAsync(config, """{ "Hub": { "Database": { "Provider": "Sqlite", "ConnectionString": "Data Source=hub.db" }, "Systems": { "servicedesk": { "Adapter": "TopDesk" } } } }""");
        var result = await HubCliRun.RunWithConfigAsync(config, "status");

        Assert.Contains("servicedesk", result.Output, StringComparison.Ordinal);
        Assert.Contains("lekkage", result.Output, StringComparison.Ordinal);
        AssertHarmless(result.Output.Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("pwned", result.Output, StringComparison.Ordinal);
    }

    private static string Row(string table, long sequence) =>
        table.Split('\n').Single(line => line.StartsWith(sequence.ToString(CultureInfo.InvariantCulture).PadLeft(8) + "  ", StringComparison.Ordinal));

    private static void AssertHarmless(string text)
    {
        var found = text.Where(Forbidden.Contains).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(found.Count == 0, $"terminal control characters reached the output: {string.Join(", ", found)}");
    }
}
