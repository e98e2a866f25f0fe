using System.Net;

namespace Hub.EndToEnd.Tests;

/// <summary>The polls of the world's service desk as its simulated TOPdesk saw them, and signed webhooks that ask for one.</summary>
internal static class ServiceDeskPolls
{
    /// <summary>Incident lists read by modification date: one a poll (the polls here read one page).</summary>
    public static int IncidentLists(ChainWorld world) =>
        world.TopDesk.Requests.Count(r => r.Path.EndsWith("/incidents", StringComparison.Ordinal) && r.Query.Contains("modificationDate", StringComparison.Ordinal));

    /// <summary>
    /// Waits for the service desk's first poll (its FIQL on modificationDate): the start's checks read incidents too,
    /// before the hub listens, so any request to /incidents is not yet a sign of a polling, listening hub.
    /// </summary>
    public static Task FirstPollAsync(ChainWorld world) =>
        world.EventuallyAsync(() => IncidentLists(world) > 0, TimeSpan.FromSeconds(60), "the first poll of the service desk at start");

    /// <summary>Sends a webhook of the service desk signed now; returns the hub's answer.</summary>
    public static async Task<HttpStatusCode> PostWebhookAsync(HttpClient http, ChainWorld world, byte[] body)
    {
        using var request = WebhookCall.Signed(world.ApiUrl, "servicedesk", ChainWorld.WebhookSecret, TimeProvider.System.GetUtcNow(), body);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
