using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>Maps GET /health: the status code load balancers read (200 healthy or degraded, 503 unhealthy) for anyone.</summary>
internal static class HealthEndpoint
{
    public static WebApplication MapHubHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
