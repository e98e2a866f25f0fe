using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Hub.Engine.Audit;

namespace Hub.Host.Tests.Audit;

public sealed class ArchiveCommandTests : SeededChainTests
{
    [Fact]
    public async Task When_archived_as_json_lines_every_entry_is_kept_with_its_hashes()
    {
        var file = Path.Combine(Temp.Directory, "archive", "journal-2026.jsonl");

        var result = await HubCliRun.RunAsync(Temp, "archive", "--out", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Archived 11 journal entries", result.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(11, lines.Length);
        var records = lines.Select(l => JsonSerializer.Deserialize<JournalRecord>(l, JournalExport.Json)!).ToList();
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task When_archived_as_csv_for_a_time_range_only_that_range_is_written()
    {
        var file = Path.Combine(Temp.Directory, "journal.csv");
        var since = ComplaintChain.ReportedAt.AddHours(20).ToString("O", CultureInfo.InvariantCulture);

        var result = await HubCliRun.RunAsync(Temp, "archive", "--out", file, "--format", "csv", "--since", since);

        Assert.Equal(0, result.ExitCode);
        using var csv = new CsvReader(new StreamReader(file), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<JournalRecord>().ToList();
        Assert.Equal(["AppointmentSet", "AppointmentSet", "AppointmentSet", "Resolved", "Resolved", "Resolved"], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task When_the_archive_file_exists_it_is_left_alone_and_the_command_fails()
    {
        var file = Path.Combine(Temp.Directory, "kept.jsonl");
        await File.WriteAllTextAsync(file, "an earlier archive");

        var result = await HubCliRun.RunAsync(Temp, "archive", "--out", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("never overwrites", result.Error, StringComparison.Ordinal);
        Assert.Equal("an earlier archive", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task When_an_admin_hashes_a_key_the_sha256_hex_for_the_configuration_is_printed()
    {
        var result = await HubCliRun.RunAsync(Temp, "apikey", "hash", "abc");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result.Output.Trim());
    }
}
