using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Host.Telemetry;

/// <summary>
/// Where the hub's traces and metrics go, if anywhere. The service exports over OTLP when the standard <c>OTEL_*</c>
/// environment variables ask for it (<see cref="FromEnvironment"/>); a test hands in an exporter of its own.
/// </summary>
internal sealed record TelemetryExport(Action<TracerProviderBuilder>? Traces, Action<MeterProviderBuilder>? Metrics)
{
    public static TelemetryExport Off { get; } = new(null, null);

    public bool IsOff => Traces is null && Metrics is null;

    /// <summary>
    /// OTLP for traces when OTEL_TRACES_EXPORTER names "otlp", or when it is not set and OTEL_EXPORTER_OTLP_ENDPOINT
    /// (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is; the same for metrics with OTEL_METRICS_EXPORTER. OTEL_SDK_DISABLED=true
    /// turns both off. The exporter itself reads the rest (protocol, headers, timeout) from the same variables.
    /// </summary>
    public static TelemetryExport FromEnvironment(IConfiguration environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(environment["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }

        return new TelemetryExport(
            Wanted(environment, "OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ? traces => traces.AddOtlpExporter() : null,
            Wanted(environment, "OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") ? metrics => metrics.AddOtlpExporter() : null);
    }

    private static bool Wanted(IConfiguration environment, string exporterKey, string signalEndpointKey)
    {
        var exporters = environment[exporterKey];
        if (!string.IsNullOrWhiteSpace(exporters))
        {
            return exporters.Split(',', StringSplitOptions.TrimEntries).Contains("otlp", StringComparer.OrdinalIgnoreCase);
        }

        return !string.IsNullOrWhiteSpace(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrWhiteSpace(environment[signalEndpointKey]);
    }
}
