using System.Runtime.CompilerServices;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Host.Telemetry;

/// <summary>
/// Where the hub's traces and metrics go, if anywhere. The service exports over OTLP when the standard <c>OTEL_*</c>
/// environment variables ask for it (<see cref="FromEnvironment"/>); a test hands in an exporter of its own.
/// No constructor or method that runs while telemetry is off names OpenTelemetry's types: compiling one that does loads
/// OpenTelemetry's API into a hub that has no use for it.
/// </summary>
internal sealed class TelemetryExport
{
    public TelemetryExport(Action<TracerProviderBuilder>? traces, Action<MeterProviderBuilder>? metrics)
    {
        Traces = traces;
        Metrics = metrics;
        IsOff = traces is null && metrics is null;
    }

    private TelemetryExport() => IsOff = true;

    public static TelemetryExport Off { get; } = new();

    public Action<TracerProviderBuilder>? Traces { get; }

    public Action<MeterProviderBuilder>? Metrics { get; }

    /// <summary>Neither traces nor metrics go anywhere (kept apart from them: reading them loads OpenTelemetry's API).</summary>
    public bool IsOff { get; }

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

        var traces = Wanted(environment, "OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = Wanted(environment, "OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        return traces || metrics ? Otlp(traces, metrics) : Off;
    }

    /// <summary>The OTLP exporters, in a method of its own, never inlined (see the class).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TelemetryExport Otlp(bool traces, bool metrics) =>
        new(traces ? builder => builder.AddOtlpExporter() : null, metrics ? builder => builder.AddOtlpExporter() : null);

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
