using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Hub.Sandbox.Chains;

namespace Hub.Sandbox;

/// <summary>
/// `hub-sandbox [--chain name] [--once] [--timeout s] [--hub path]`: starts the chain's simulated service desk and
/// building manager (TOPdesk, Dynamics 365 with its Entra ID, ServiceNow) and an e-mail contractor on loopback, writes
/// the configuration a site would write for them, runs the real hub (`hub run`) against it as a child process, and
/// reports one demo complaint that travels the whole chain and back, printed as the hub journals it. Needs nothing but
/// the .NET SDK.
/// </summary>
internal static class SandboxCommand
{
    /// <summary>Also what the hub answers when it refuses its configuration; here: no hub to run.</summary>
    public const int ExitCannotStart = 2;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static RootCommand Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit (0) when the demo complaint has made its round trip; 1 if it has not within --timeout." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the round trip with --once.", DefaultValueFactory = _ => 180 };
        var hub = new Option<string?>("--hub") { Description = "The hub to run (hub.dll or the hub executable, e.g. a published one); default: the one built with this sandbox." };
        var chain = new Option<string>("--chain")
        {
            Description = $"The chain to run: {SandboxChains.Names}.",
            DefaultValueFactory = _ => SandboxChains.Default.Name,
        };
        chain.Validators.Add(result =>
        {
            if (SandboxChains.Find(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--chain: '{result.GetValueOrDefault<string>()}' is not a chain the sandbox knows; choose one of {SandboxChains.Names}.");
            }
        });
        var command = new RootCommand("The hub against built-in simulated systems (TOPdesk, Dynamics 365, ServiceNow) and a contractor mailbox, with one demo complaint.")
        {
            chain,
            once,
            timeout,
            hub,
        };
        command.SetAction((parse, _) => RunAsync(
            SandboxChains.Find(parse.GetRequiredValue(chain))!,
            parse.GetValue(once), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(hub), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static async Task<int> RunAsync(SandboxChain chain, bool once, TimeSpan timeout, string? hubFile, TextWriter output, TextWriter error)
    {
        var (hub, problem) = HubExecutable.Find(hubFile);
        if (hub is null)
        {
            await error.WriteLineAsync($"hub-sandbox: {problem}");
            return ExitCannotStart;
        }

        using var signals = StopSignals.Listen();
        using var world = SandboxWorld.Start(chain);
        var (apiKey, apiKeyHash) = HubApi.NewKey();
        using var api = new HubApi(new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/"), apiKey);
        var configuration = SandboxConfiguration.Write(world, chain.MappingsDirectory(hub), api.Site, apiKeyHash);
        using var contractorStop = CancellationTokenSource.CreateLinkedTokenSource(signals.Token);
        var contractor = Task.Run(() => world.Contractor.RunAsync(contractorStop.Token), CancellationToken.None);
        try
        {
            await using var child = HubChild.Start(hub, configuration, world.Folder, output);
            signals.OnSecondSignal(child.Kill);
            await output.WriteLineAsync($"""
                Hub sandbox, chain {chain.Name}: {chain.Description}
                  service desk  {$"({world.ServiceDesk.Product}, simulated)",-26}{world.ServiceDesk.Url}
                  building mgr  {$"({world.Facility.Product}, simulated)",-26}{world.Facility.Url}
                  contractor    (e-mail pickup folders)   {world.MailFolder("outbox")}
                  the hub       {$"(hub run, pid {child.Id})",-26}{api.Site}
                  mappings                                {chain.MappingsDirectory(hub)}
                  configuration                           {configuration}
                  correlation log                         {world.DatabaseFile}
                """);

            using var running = CancellationTokenSource.CreateLinkedTokenSource(signals.Token, child.Exited);
            var result = await api.WaitUntilAnsweringAsync(StartTimeout, running.Token)
                ? await new SandboxDemo(world, new SandboxNarrator(api, output), api, output, TimeProvider.System).RunAsync(once, timeout, running.Token)
                : await NotAnsweringAsync(output, running.Token);

            if (!signals.Token.IsCancellationRequested && child.Exited.IsCancellationRequested)
            {
                await output.WriteLineAsync($"\nThe hub (pid {child.Id}) exited with code {child.ExitCode} while the sandbox ran; its output, if any, is above.");
                return child.ExitCode != 0 ? child.ExitCode : 1;
            }

            await output.WriteLineAsync($"\nStopping the hub (pid {child.Id}).");
            await child.StopAsync();
            return once ? result : 0;
        }
        finally
        {
            await contractorStop.CancelAsync();
            await contractor.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<int> NotAnsweringAsync(TextWriter output, CancellationToken running)
    {
        if (!running.IsCancellationRequested)
        {
            await output.WriteLineAsync($"\nThe hub did not answer within {StartTimeout.TotalSeconds:0} s.");
        }

        return 1;
    }

    /// <summary>A loopback port free at this moment, for the hub's API (the hub must be told where to listen).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
