using System.Net;
using System.Text.Json;
using Hub.Host.Tests.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Tests.Health;

/// <summary>
/// /health answers anyone with the overall status only (load balancers probe it without a key); the checks'
/// descriptions and data (remote error text, login names, paths, the journal head) need the auditor's API key.
/// </summary>
public sealed class HealthDetailsTests : SeededChainTests
{
    private const string RemoteError = "TOPdesk answered 401: operator hub-operator-7 is not allowed";
    private const string DatabasePath = "/var/lib/hub/secret-folder/hub.db";

    [Theory]
    [InlineData(null)]
    [InlineData("a-guessed-key")]
    public async Task Without_a_valid_key_health_says_only_the_status(string? key)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "health", key));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // what load balancers see is unchanged
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
        Assert.DoesNotContain("401", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hub-operator-7", body, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePath, body, StringComparison.Ordinal);
        Assert.DoesNotContain("journal", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("entries", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("head", body, StringComparison.OrdinalIgnoreCase); // the journal head hash
    }

    [Fact]
    public async Task With_the_auditors_key_health_shows_every_check_with_its_details()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "health"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal(RemoteError, checks.GetProperty("systems").GetProperty("data").GetProperty("servicedesk").GetProperty("lastError").GetString());
        Assert.Equal(DatabasePath, checks.GetProperty("systems").GetProperty("data").GetProperty("database").GetString());
        Assert.Contains("; head ", checks.GetProperty("journal").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Journal intact: 11 entries", checks.GetProperty("journal").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private async Task<AuditWebHost> StartAsync()
    {
        var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, extra: services => services.AddHealthChecks().AddCheck("systems", () =>
            HealthCheckResult.Unhealthy(
                "stalled: servicedesk",
                data: new Dictionary<string, object>
                {
                    ["servicedesk"] = new { lastError = RemoteError },
                    ["database"] = DatabasePath,
                })));
        var state = host.Services.GetRequiredService<Hub.Host.Audit.JournalVerificationState>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (state.Last is null)
        {
            await Task.Delay(20, deadline.Token); // the first journal verification runs on its own thread
        }

        return host;
    }
}
