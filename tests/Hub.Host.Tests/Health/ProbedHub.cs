using Hub.Host.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hub.Host.Tests.Health;

/// <summary>
/// The hub's /health (<c>MapHubHealth</c>, the service's own writer) on a loopback port, answering with the status the
/// test sets, after the delay the test sets: what `hub health` asks.
/// </summary>
internal sealed class ProbedHub : IAsyncDisposable
{
    private readonly WebApplication app;

    private ProbedHub(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public HealthStatus Status { get; set; } = HealthStatus.Healthy;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<ProbedHub> StartAsync()
    {
        var port = FreeLoopbackPort.Find();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        ProbedHub? hub = null;
        builder.Services.AddHealthChecks().AddAsyncCheck("systems", async ct =>
        {
            await Task.Delay(hub!.Delay, ct);
            return new HealthCheckResult(hub.Status, "as the test set it");
        });
        var app = builder.Build();
        app.MapHubHealth();
        hub = new ProbedHub(app, port);
        await app.StartAsync();
        return hub;
    }

    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
