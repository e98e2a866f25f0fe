using Hub.Abstractions.Model;
using Hub.Engine.Sync;
using Hub.Host.Cli;
using Hub.Host.Jobs;
using Quartz;

namespace Hub.Host.Webhooks;

/// <summary>
/// POST /hooks/&lt;system&gt;: a system (a TOPdesk action sequence, a Dynamics webhook, a script) says something
/// changed; the hub polls that system at once. A body that names the record (<see cref="WebhookRecordName"/>) also
/// queues that record to be read and taken in at once beside a running poll (<see cref="NamedRecordQueue"/>); the call
/// is answered without waiting for either. Polling stays the safety net. <see cref="WebhookGate"/> decides who may ask;
/// every refusal is logged with its reason, never with a secret.
/// </summary>
internal static class WebhookEndpoints
{
    private const int LoggedNameLength = 64;

    public static IServiceCollection AddHubWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookReplayGuard>();
        services.AddSingleton<WebhookGate>();
        services.AddSingleton<NamedRecordQueue>();
        return services;
    }

    /// <summary>The worker that takes in the records webhooks name; it needs the engine (<see cref="LiveIntake"/>).</summary>
    public static IServiceCollection AddHubNamedRecordIntake(this IServiceCollection services)
    {
        services.AddSingleton<LiveIntake>();
        services.AddHostedService<NamedRecordWorker>();
        return services;
    }

    public static void MapHubWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{system}", async (string system, HttpContext context, WebhookGate gate, NamedRecordQueue named, ISchedulerFactory schedulers, ILoggerFactory logs, CancellationToken ct) =>
        {
            var verdict = await gate.CheckAsync(context, system, ct);
            var log = logs.CreateLogger("Hub.Webhooks");
            if (verdict.Refusal is { } refusal)
            {
                log.LogWarning("Refused a webhook call for '{System}': {Reason}", verdict.System?.Name ?? LoggedName(system), refusal.Reason);
                return refusal.ToResult();
            }

            var name = verdict.System!.Name;
            if (WebhookRecordName.Of(verdict.Body) is { } record && !named.TryQueue(new NamedRecord(name, record)))
            {
                log.LogWarning("A webhook of {System} named record {Record}, but {Capacity} named records are waiting already; the poll takes it in",
                    name, record, NamedRecordQueue.Capacity);
            }

            var scheduler = await schedulers.GetScheduler(ct);
            await PollNow.RequestAsync(scheduler, name, ct);
            return Results.Accepted();
        });
    }

    /// <summary>A name from the URL, which anyone can send: without control characters, and not too long for a log line.</summary>
    private static string LoggedName(string name) => TextCut.Shorten(TerminalText.Clean(name), LoggedNameLength);
}
