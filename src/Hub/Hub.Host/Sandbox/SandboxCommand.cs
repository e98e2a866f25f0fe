using System.CommandLine;
using Hub.Adapters.Dynamics;
using Hub.Engine.Persistence;
using Hub.Host.Cli;
using Hub.Host.Configuration;
using Hub.Host.Hosting;

namespace Hub.Host.Sandbox;

/// <summary>
/// `hub sandbox [--once]`: the real hub (engine, shipped mappings, SQLite) against simulated TOPdesk, Dynamics 365 and
/// an e-mail contractor on loopback. One demo complaint travels the whole chain and back, printed as it happens.
/// Needs nothing but the .NET SDK.
/// </summary>
internal sealed class SandboxCommand : IHubCommandFactory
{
    public Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit (0) when the demo complaint has made its round trip; 1 if it has not within --timeout." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the round trip with --once.", DefaultValueFactory = _ => 180 };
        var command = new Command("sandbox", "Run the hub against built-in simulated TOPdesk, Dynamics 365 and contractor mailbox, with one demo complaint.")
        {
            once,
            timeout,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(once), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.InvocationConfiguration.Output, ct));
        return command;
    }

    private static async Task<int> RunAsync(bool once, TimeSpan timeout, TextWriter output, CancellationToken cancellationToken)
    {
        using var world = SandboxWorld.Start();
        var mappings = Path.Combine(AppContext.BaseDirectory, "mappings");
        var apiKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var settings = world.Settings(mappings)
            .Append(new("Hub:Api:ApiKeyHashes:0", Audit.ApiKeyHash.Of(apiKey)))
            .Append(new("Logging:LogLevel:Default", "Warning"))
            .Append(new("Logging:LogLevel:LuckyPennySoftware", "Error"));
        var configuration = HubConfiguration.Load(configFile: null, settings);
        using var contractorStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var contractor = Task.Run(() => world.Contractor.RunAsync(contractorStop.Token), CancellationToken.None);
        var result = 1;

        await output.WriteLineAsync($"""
            Hub sandbox
              service desk  (TOPdesk, simulated)      {world.TopDesk.Url}
              building mgr  (Dynamics 365, simulated) {world.Dynamics.Url}
              contractor    (e-mail pickup folders)   {world.MailFolder("outbox")}
              correlation log                         {Path.Combine(world.Folder, "sandbox.db")}
            """);

        var exit = await HubService.RunAsync(
            configuration,
            cancellationToken,
            services => services.AddDynamicsTokenEndpointTrust("facility", world.Dynamics.TokenEndpointCertificate),
            (app, ct) =>
            {
                var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
                var narrator = new SandboxNarrator(app.Services.GetRequiredService<HubDatabase>(), output);
                var site = new Uri(app.Urls.First());
                Uri ChainPage(string reference) => new(site, $"chain?ref={Uri.EscapeDataString(reference)}#key={apiKey}");
                _ = Task.Run(async () =>
                {
                    result = await new SandboxDemo(world, narrator, output, ChainPage).RunAsync(once, timeout, lifetime.ApplicationStopping);
                    if (once)
                    {
                        lifetime.StopApplication();
                    }
                }, CancellationToken.None);
                return Task.CompletedTask;
            });

        await contractorStop.CancelAsync();
        await contractor.ContinueWith(_ => { }, TaskScheduler.Default);
        return exit != 0 ? exit : once ? result : 0;
    }
}
