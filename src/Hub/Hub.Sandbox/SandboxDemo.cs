using System.Globalization;
using Hub.Sandbox.Systems;

namespace Hub.Sandbox;

/// <summary>
/// The demo complaint: an employee reports a blocked toilet at the service desk of the chain; the hub opens it at the
/// building manager, which sends a work order to the plumber; the plumber's answers travel back up.
/// </summary>
internal sealed class SandboxDemo(SandboxWorld world, SandboxNarrator narrator, HubApi hub, TextWriter output, TimeProvider time)
{
    /// <summary>0 when the round trip is done (with --once: as soon as it is); 1 when it was not within the timeout or the sandbox was stopped first.</summary>
    public async Task<int> RunAsync(bool once, TimeSpan timeout, CancellationToken stopping)
    {
        var complaint = world.ServiceDesk.LogComplaint();
        await output.WriteLineAsync($"\n{complaint.Reporter} reports in {world.ServiceDesk.Product}: {complaint.Number} \"{complaint.Title}\"\n");

        var deadline = time.GetUtcNow() + timeout;
        var done = false;
        while (!stopping.IsCancellationRequested)
        {
            await TryPrintNewAsync(stopping);
            if (!done && RoundTripDone(complaint))
            {
                done = true;
                await TryPrintNewAsync(stopping);
                await output.WriteLineAsync(await SummaryAsync(complaint, stopping));
                if (once)
                {
                    return 0;
                }

                await output.WriteLineAsync($"\nThe round trip is done. The complaint's journey in a browser: {hub.ChainPage(complaint.Number).AbsoluteUri}\nThe hub keeps running (Ctrl+C stops it).");
            }

            if (once && time.GetUtcNow() > deadline)
            {
                await output.WriteLineAsync($"\nThe demo complaint did not make its round trip within {timeout.TotalSeconds:0} s.{await SummaryAsync(complaint, stopping)}");
                return 1;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return done ? 0 : 1;
    }

    /// <summary>A slow answer from a busy hub is no reason to stop the demo: the next round reads on from where this one stopped.</summary>
    private async Task TryPrintNewAsync(CancellationToken stopping)
    {
        try
        {
            await narrator.PrintNewAsync(stopping);
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private bool RoundTripDone(SandboxComplaint complaint) =>
        world.ServiceDesk.Standing(complaint).Completed && world.Facility.HasResolved();

    private async Task<string> SummaryAsync(SandboxComplaint complaint, CancellationToken stopping)
    {
        var standing = world.ServiceDesk.Standing(complaint);
        var progress = standing.Progress.Select(p => "    - " + Indented(p, "      ")).DefaultIfEmpty("    (nothing yet)");
        return $"""

            Where the complaint stands, as the employee sees it in {world.ServiceDesk.Product} {complaint.Number}:
              status: {standing.Status}{(standing.Completed ? " (completed)" : string.Empty)}
              progress trail:
            {string.Join(Environment.NewLine, progress)}
            {await HubRecordAsync(complaint.Number, stopping)}
            """;
    }

    /// <summary>The same complaint in the hub's correlation log, as an auditor reads it (GET /api/cases).</summary>
    private async Task<string> HubRecordAsync(string reference, CancellationToken stopping)
    {
        try
        {
            var matches = await hub.FindCasesAsync(reference, stopping);
            if (matches.Count == 0)
            {
                return $"{Environment.NewLine}The hub has no case for {reference} yet.";
            }

            var found = await hub.CaseAsync(matches[0].CaseId, stopping);
            var records = found.Links.Select(l => $"    {l.System,-12} {l.Number ?? l.ExternalId,-20} {Held(found.Stays, l.System)}");
            return $"""

                The hub's record of it, case {found.CaseId} (status {found.Status ?? "?"}):
                {string.Join(Environment.NewLine, records)}
                """;
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            return $"{Environment.NewLine}(The hub's API did not answer: {failure.Message})";
        }
    }

    /// <summary>How long the organisation behind that system held the complaint (GET /api/cases/{id} "stays").</summary>
    private static string Held(IReadOnlyList<CaseStay> stays, string system)
    {
        var held = stays.Where(s => s.System == system).ToList();
        return held.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"held it {held.Sum(s => s.WaitedSeconds)} s{(held.Any(s => s.IsCurrent) ? " (still holds it)" : string.Empty)}");
    }

    private static string Indented(string text, string indent) =>
        string.Join(Environment.NewLine + indent, text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
