using Hub.Simulators.TopDesk;

namespace Hub.Host.Sandbox;

/// <summary>
/// The demo complaint: an employee reports a blocked toilet at the service desk; the hub opens a case at the
/// building manager, which sends a work order to the plumber; the plumber's answers travel back up.
/// </summary>
internal sealed class SandboxDemo(SandboxWorld world, SandboxNarrator narrator, TextWriter output, Func<string, Uri> chainPage)
{
    public async Task<int> RunAsync(bool once, TimeSpan timeout, CancellationToken stopping)
    {
        var incident = world.TopDesk.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Toilet verstopt op de 2e verdieping, heren",
            Request = "Het toilet bij de lift op de 2e verdieping is verstopt en loopt bijna over.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            CallerName = "Eva Jansen",
            CallerEmail = "eva.jansen@tenant.example",
            ProcessingStatus = "Geregistreerd",
        });
        await output.WriteLineAsync($"\nEva Jansen reports in TOPdesk: {incident.Number} \"{incident.BriefDescription}\"\n");

        var deadline = DateTimeOffset.UtcNow + timeout;
        var reported = false;
        while (!stopping.IsCancellationRequested)
        {
            await narrator.PrintNewAsync(stopping);
            if (!reported && RoundTripDone(incident.Id))
            {
                reported = true;
                await narrator.PrintNewAsync(stopping);
                await output.WriteLineAsync(Summary(incident.Id));
                if (once)
                {
                    return 0;
                }

                await output.WriteLineAsync($"\nThe round trip is done. The complaint's journey in a browser: {chainPage(incident.Number).AbsoluteUri}\nThe hub keeps running (Ctrl+C stops it).");
            }

            if (once && DateTimeOffset.UtcNow > deadline)
            {
                await output.WriteLineAsync($"\nThe demo complaint did not make its round trip within {timeout.TotalSeconds:0} s. {Summary(incident.Id)}");
                return 1;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return 1;
    }

    private bool RoundTripDone(string incidentId)
    {
        var incident = world.TopDesk.Incident(incidentId);
        var resolvedCase = world.Dynamics.Cases.Any(c => c.StateCode == 1);
        return incident.Completed && resolvedCase;
    }

    private string Summary(string incidentId)
    {
        var incident = world.TopDesk.Incident(incidentId);
        var progress = world.TopDesk.ActionsOf(incidentId).Select(a => $"    - {a.PlainText}");
        return $"""

            Where the complaint stands, as the employee sees it in TOPdesk {incident.Number}:
              status: {incident.ProcessingStatus?.Name ?? "?"}{(incident.Completed ? " (completed)" : string.Empty)}
              progress trail:
            {string.Join(Environment.NewLine, progress)}
            """;
    }
}
