using System.Runtime.CompilerServices;
using Hub.Abstractions.Telemetry;
using Hub.Engine.Telemetry;
using Hub.Host.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.Host.Telemetry;

/// <summary>
/// Turns the hub's telemetry on when it has somewhere to go: its spans (<see cref="HubSpans"/>) with the HTTP calls of
/// the adapters and the webhooks it receives, its metrics (<see cref="HubMetrics"/>, the outbox gauges). Off, nothing is
/// registered: no listener, so no span is ever created and no measurement taken.
/// </summary>
internal static class TelemetryRegistration
{
    private const string ServiceName = "hub";

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, TelemetryExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return export.IsOff ? services : AddOpenTelemetryExport(services, export);
    }

    /// <summary>
    /// OpenTelemetry's registrations in a method of their own, never inlined: compiling a method resolves the types it
    /// names, so with them in <see cref="AddHubTelemetry"/> every hub loaded OpenTelemetry and its API (about 0.9 MB of
    /// image pages), telemetry on or off.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddOpenTelemetryExport(IServiceCollection services, TelemetryExport export)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceVersion: HubVersion.Informational)
                .AddEnvironmentVariableDetector()); // after ours: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES still win
        if (export.Traces is { } traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(HubTelemetry.Name)
                    .AddHttpClientInstrumentation()
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase));
                traces(tracing);
            });
        }

        if (export.Metrics is { } metrics)
        {
            services.AddSingleton<OutboxGauges>();
            telemetry.WithMetrics(metering =>
            {
                metering.AddMeter(HubTelemetry.Name)
                    .AddInstrumentation(provider => provider.GetRequiredService<OutboxGauges>());
                metrics(metering);
            });
        }

        return services;
    }
}
