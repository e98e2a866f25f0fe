using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The journal's verified heads across a restart of the real `hub`, with a journal key configured.</summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class JournalAcrossRestartTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Newest_entries_cut_off_while_the_hub_was_stopped_make_health_unhealthy_after_the_restart_and_verify_fail()
    {
        await using var world = new ChainWorld(log);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(Path.Combine(world.Folder, "journal.key"), key);
        world.AuditSettings["JournalKeyFile"] = "journal.key";
        world.AuditSettings["VerifyInterval"] = "00:00:01";
        var first = world.StartHub();
        var incident = Complaints.BlockedToilet(world.TopDesk);
        await world.EventuallyAsync(() => world.TopDesk.Incident(incident.Id).Completed, TimeSpan.FromSeconds(90), "the round trip");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last entries of the round trip settle
        long head = 0;
        await world.EventuallyAsync(() => first.Output.Contains($"verified head {{\"sequence\":{head = JournalLength(world)},", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "a verification of the whole journal, its head kept");
        var signed = await world.RunHubCommandAsync("verify");
        first.Terminate();
        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(25)));

        Execute(world, $"DELETE FROM journal WHERE Sequence > {head - 3}"); // someone with the database cuts the newest entries
        var second = world.StartHub();
        JsonElement journal = default;
        await world.EventuallyAsync(async () => (journal = await JournalCheckAsync(world)).ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), "the journal check after the restart");
        var verify = await world.RunHubCommandAsync("verify");

        Assert.Equal(0, signed.ExitCode);
        Assert.Contains("Every entry is signed with a journal key", signed.Output, StringComparison.Ordinal);
        Assert.Equal("Unhealthy", journal.GetProperty("status").GetString());
        Assert.Contains($"entry {head}", journal.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"entry {head}, is no longer in the chain", verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, first.Output + second.Output + signed.Output + verify.Output, StringComparison.Ordinal);
    }

    /// <summary>The `journal` check of /health as the auditor reads it, once the restarted hub has verified; default until then.</summary>
    private static async Task<JsonElement> JournalCheckAsync(ChainWorld world)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = world.ApiUrl };
            using var request = new HttpRequestMessage(HttpMethod.Get, "health");
            request.Headers.Add("X-Api-Key", ChainWorld.ApiKey);
            using var response = await http.SendAsync(request);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var check = body.GetProperty("checks").GetProperty("journal");
            return check.GetProperty("description").GetString()!.Contains("not verified yet", StringComparison.Ordinal) ? default : check.Clone();
        }
        catch (HttpRequestException)
        {
            return default;
        }
    }

    private static long JournalLength(ChainWorld world)
    {
        using var connection = new SqliteConnection($"Data Source={world.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(ChainWorld world, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={world.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
