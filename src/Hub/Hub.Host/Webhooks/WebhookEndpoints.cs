using Hub.Abstractions.Model;
using Hub.Host.Cli;
using Hub.Host.Jobs;
using Quartz;

namespace Hub.Host.Webhooks;

/// <summary>
/// POST /hooks/&lt;system&gt;: a system (a TOPdesk action sequence, a Dynamics webhook, a script) says something
/// changed; the hub polls that system at once. Polling stays the safety net. <see cref="WebhookGate"/> decides who
/// may ask; every refusal is logged with its reason, never with a secret.
/// </summary>
internal static class WebhookEndpoints
{
    private const int LoggedNameLength = 64;

    public static IServiceCollection AddHubWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookReplayGuard>();
        services.AddSingleton<WebhookGate>();
        return services;
    }

    public static void MapHubWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{system}", async (string system, HttpContext context, WebhookGate gate, ISchedulerFactory schedulers, ILoggerFactory logs, CancellationToken ct) =>
        {
            var verdict = await gate.CheckAsync(context, system, ct);
            if (verdict.Refusal is { } refusal)
            {
                logs.CreateLogger("Hub.Webhooks").LogWarning("Refused a webhook call for '{System}': {Reason}",
                    verdict.System?.Name ?? LoggedName(system), refusal.Reason);
                return refusal.ToResult();
            }

            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(JobKeys.Poll(verdict.System!.Name), ct);
            return Results.Accepted();
        });
    }

    /// <summary>A name from the URL, which anyone can send: without control characters, and not too long for a log line.</summary>
    private static string LoggedName(string name) => TextCut.Shorten(TerminalText.Clean(name), LoggedNameLength);
}
