using System.Net.Http.Headers;
using Hub.Engine.Persistence;
using Hub.Host.Audit;
using Hub.Host.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// A minimal hub web host on a loopback port (127.0.0.1:0), wired the way the service wires the auditor's view:
/// <c>AddHubAudit</c>, <c>MapHubHealth</c> and <c>MapHubAudit</c> over a real SQLite correlation log. Without settings of the
/// test's own it has two API keys and the OpenAPI document on.
/// </summary>
internal sealed class AuditWebHost : IAsyncDisposable
{
    public const string ApiKey = "audit-key-2026-Zq8vLr3T";

    private readonly WebApplication app;

    private AuditWebHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<AuditWebHost> StartAsync(HubDatabase database, string contentRoot, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? extra = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["Hub:Api:ApiKeyHashes:0"] = ApiKeyHash.Of("an-older-key"),
            ["Hub:Api:ApiKeyHashes:1"] = ApiKeyHash.Of(ApiKey),
            ["Hub:Api:OpenApi"] = "true",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(database);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddHubAudit(builder.Configuration);
        extra?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHubHealth();
        app.MapHubAudit();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AuditWebHost(app, new Uri(address));
    }

    /// <summary>Waits for the verification the hub runs when it starts (on its own thread); gives up after 30 s.</summary>
    public async Task<JournalVerificationResult> FirstVerificationAsync()
    {
        var state = Services.GetRequiredService<JournalVerificationState>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (state.Last is null)
        {
            await Task.Delay(20, deadline.Token);
        }

        return state.Last;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? key = ApiKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
