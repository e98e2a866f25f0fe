using Hub.Engine.Persistence;
using Hub.Engine.Sync;
using Hub.Host.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Host.Tests.Telemetry;

/// <summary>The standard OTEL_* variables decide whether the hub exports at all; without them nothing is registered.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public void Without_OTEL_variables_telemetry_is_off_and_nothing_is_registered()
    {
        var export = TelemetryExport.FromEnvironment(Environment());
        var services = new ServiceCollection();

        services.AddHubTelemetry(export);

        Assert.True(export.IsOff);
        Assert.Empty(services);
    }

    [Fact]
    public void An_OTLP_endpoint_turns_on_traces_and_metrics()
    {
        var export = TelemetryExport.FromEnvironment(Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")));
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton(new SystemAdapters([]))
            .AddSingleton(new HubDatabase(new DatabaseOptions { ConnectionString = "Data Source=:memory:" }, Path.GetTempPath())); // the outbox gauges read it

        using var provider = services.AddHubTelemetry(export).BuildServiceProvider();

        Assert.NotNull(export.Traces);
        Assert.NotNull(export.Metrics);
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void OTEL_TRACES_EXPORTER_none_keeps_traces_off_while_metrics_go_to_the_endpoint()
    {
        var export = TelemetryExport.FromEnvironment(Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("OTEL_TRACES_EXPORTER", "none")));

        Assert.Null(export.Traces);
        Assert.NotNull(export.Metrics);
    }

    [Fact]
    public void OTEL_METRICS_EXPORTER_otlp_alone_turns_on_metrics_only()
    {
        var export = TelemetryExport.FromEnvironment(Environment(("OTEL_METRICS_EXPORTER", "otlp")));

        Assert.Null(export.Traces);
        Assert.NotNull(export.Metrics);
    }

    [Fact]
    public void OTEL_SDK_DISABLED_turns_everything_off_whatever_else_is_set()
    {
        var export = TelemetryExport.FromEnvironment(Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("OTEL_SDK_DISABLED", "true")));

        Assert.True(export.IsOff);
    }

    private static IConfiguration Environment(params (string Key, string Value)[] variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
