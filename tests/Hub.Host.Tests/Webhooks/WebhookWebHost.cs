using Hub.Host.Configuration;
using Hub.Host.Jobs;
using Hub.Host.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Hub.Host.Tests.Webhooks;

/// <summary>
/// The hub's webhook endpoint on a loopback port (127.0.0.1:0) under Kestrel, wired the way the service wires it:
/// systems read and checked by <c>SystemSettings.ReadAll</c>, <c>AddHubWebhooks</c>, <c>MapHubWebhooks</c> and a real
/// Quartz scheduler whose poll job for each system only counts that it ran (the adapters' polls are the end-to-end
/// tests' business). The hub's clock can be moved; every log line is kept.
/// </summary>
internal sealed class WebhookWebHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookWebHost(WebApplication app, Uri address, CapturingLoggerProvider log, PollCounter polls)
    {
        this.app = app;
        Address = address;
        Log = log;
        Polls = polls;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Log { get; }

    public PollCounter Polls { get; }

    /// <summary>Starts the endpoint for systems configured by <paramref name="settings"/> (flat keys, "Hub:Systems:…").</summary>
    public static async Task<WebhookWebHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var log = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(log);
        var systems = SystemSettings.ReadAll(builder.Configuration);
        var polls = new PollCounter();
        builder.Services.AddSingleton(systems);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(polls);
        builder.Services.AddHubWebhooks();
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var system in systems)
            {
                quartz.AddJob<CountedPoll>(job => job.WithIdentity(JobKeys.Poll(system.Name)).StoreDurably().UsingJobData(JobKeys.SystemData, system.Name));
            }
        });
        builder.Services.AddQuartzHostedService();

        var app = builder.Build();
        app.MapHubWebhooks();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookWebHost(app, new Uri(address + "/"), log, polls);
    }

    /// <summary>The records named by the calls taken in, waiting for a worker (none runs here: the engine is the end-to-end tests' business).</summary>
    public async Task<IReadOnlyList<NamedRecord>> QueuedRecordsAsync()
    {
        var queued = new List<NamedRecord>();
        using var enough = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await foreach (var named in app.Services.GetRequiredService<NamedRecordQueue>().ReadAllAsync(enough.Token))
            {
                queued.Add(named);
            }
        }
        catch (OperationCanceledException)
        {
            // nothing more waiting
        }

        return queued;
    }

    /// <summary>Log lines of refused webhook calls.</summary>
    public IReadOnlyList<string> Refusals => Log.Lines.Where(l => l.Contains("Refused a webhook call", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>How often each system's poll job ran.</summary>
    internal sealed class PollCounter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> runs = new(StringComparer.Ordinal);

        public int Of(string system) => runs.GetValueOrDefault(system);

        public void Count(string system) => runs.AddOrUpdate(system, 1, (_, n) => n + 1);

        /// <summary>Waits until <paramref name="system"/> has been polled <paramref name="times"/> times; false when not within 10 s.</summary>
        public async Task<bool> ReachAsync(string system, int times)
        {
            for (var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10); TimeProvider.System.GetUtcNow() < deadline; await Task.Delay(20))
            {
                if (Of(system) >= times)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The poll job's stand-in: counts the run for the system in its job data.</summary>
    [DisallowConcurrentExecution]
    internal sealed class CountedPoll(PollCounter counter) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            counter.Count(context.MergedJobDataMap.GetString(JobKeys.SystemData)!);
            return ValueTask.CompletedTask;
        }
    }
}
