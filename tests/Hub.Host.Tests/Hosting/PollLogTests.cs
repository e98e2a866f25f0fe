using System.Text.RegularExpressions;
using Hub.Host.Tests.Cli;

namespace Hub.Host.Tests.Hosting;

/// <summary>
/// A poll writes an information line when it took something in; a poll that only read records again which the hub had
/// read before (TOPdesk and Dynamics are read with an overlapping window, so every poll meets the recent ones again)
/// writes at debug: a quiet site's log stays quiet, and a failure's output shows what happened, not every re-read.
/// </summary>
public sealed partial class PollLogTests : IDisposable
{
    private readonly CheckedSite site = new();

    [Fact]
    public async Task A_poll_that_only_read_known_records_again_logs_at_debug_and_one_that_opened_a_case_at_information()
    {
        site.Overrides["Hub:Api:Urls"] = "http://127.0.0.1:0";
        site.Overrides["Hub:Systems:servicedesk:PollInterval"] = "00:00:01";
        site.Overrides["Logging:LogLevel:Hub.Host.Jobs.PollJob"] = "Debug"; // so the re-reads show, at their own level
        Complaints.BlockedToilet(site.TopDesk);
        await using var hub = HubProcess.Start(site.Folder, "run", "--config", site.WriteConfiguration());

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(120);
        while ((site.Dynamics.Cases.Count == 0 || RereadPolls(hub.Output).Count < 2) && !hub.HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(200);
        }

        var output = hub.Output;
        Assert.True(site.Dynamics.Cases.Count > 0, "the complaint did not reach Dynamics:\n" + output);
        Assert.Matches(@"info: Hub\.Host\.Jobs\.PollJob\[0\]\s+Polled servicedesk: Opened: 1", output);
        var rereads = RereadPolls(output);
        Assert.True(rereads.Count >= 2, "no poll read the complaint again:\n" + output);
        Assert.All(rereads, level => Assert.Equal("dbug", level));
        hub.Terminate();
        await hub.WaitForExitAsync(TimeSpan.FromSeconds(25));
    }

    /// <summary>The level of every logged poll of the service desk that met only records read before.</summary>
    private static List<string> RereadPolls(string output) =>
        [.. Reread().Matches(output).Select(m => m.Groups["level"].Value)];

    [GeneratedRegex(@"(?<level>\w+): Hub\.Host\.Jobs\.PollJob\[0\]\s+Polled servicedesk: (Duplicate|Unchanged): \d+(, (Duplicate|Unchanged): \d+)?\s*$", RegexOptions.Multiline)]
    private static partial Regex Reread();

    public void Dispose() => site.Dispose();
}
