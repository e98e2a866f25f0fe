using Hub.Host.Configuration;
using Hub.Host.Jobs;
using Quartz;

namespace Hub.Host.Webhooks;

/// <summary>
/// POST /hooks/&lt;system&gt;: a system (a TOPdesk action sequence, a Dynamics webhook) says something changed; the hub
/// polls that system at once. Polling stays the safety net. Anything not signed with the system's secret is 401.
/// </summary>
internal static class WebhookEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static void MapHubWebhooks(this IEndpointRouteBuilder app, IReadOnlyList<SystemSettings> systems)
    {
        app.MapPost("/hooks/{system}", async (string system, HttpRequest request, ISchedulerFactory schedulers, ILoggerFactory logs, CancellationToken ct) =>
        {
            var settings = systems.FirstOrDefault(s => string.Equals(s.Name, system, StringComparison.OrdinalIgnoreCase));
            if (request.ContentLength > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var valid = WebhookSignature.IsValid(
                settings?.WebhookSecret,
                request.Headers[WebhookSignature.SecretHeader].FirstOrDefault(),
                request.Headers[WebhookSignature.SignatureHeader].FirstOrDefault(),
                buffer.ToArray());
            if (settings is null || !valid)
            {
                logs.CreateLogger("Hub.Webhooks").LogWarning("Refused a webhook call for '{System}': missing or wrong secret", system);
                return Results.Problem(title: "Unauthorized", detail: "Missing or wrong webhook secret or signature.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(JobKeys.Poll(settings.Name), ct);
            return Results.Accepted();
        });
    }
}
