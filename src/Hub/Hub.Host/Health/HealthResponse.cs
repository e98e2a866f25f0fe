using System.Text.Json;
using Hub.Host.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Health;

/// <summary>
/// Writes /health as JSON. Anyone (a load balancer's probe) gets the overall status only; a request with a valid
/// auditor's key in <c>X-Api-Key</c> gets each check with its description and data too, because those carry remote
/// error text, login names, paths and the journal head. A missing or wrong key is not refused (no 401): the probe
/// keeps working and the status code stays the one the health middleware maps.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = MayReadDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    private static bool MayReadDetails(HttpContext context) =>
        context.RequestServices.GetService<ApiKeyVerifier>() is { } verifier
        && verifier.Accepts(context.Request.Headers[ApiKeyGate.Header].ToString());
}
