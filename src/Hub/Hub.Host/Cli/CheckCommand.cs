using System.CommandLine;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Readiness;
using Hub.Engine.Sync;
using Hub.Host.Configuration;
using Hub.Host.Health;
using Hub.Host.Hosting;
using Hub.Host.Plugins;

namespace Hub.Host.Cli;

/// <summary>
/// `hub check`: before the first start (or any time), every configuration problem at once (exit 2); then for every
/// configured system the checks its health on <c>/health</c> runs (<see cref="SystemReadinessCheck"/>): reachable,
/// signed in, the permissions the hub needs, the mapping's values exist. One line per check, PASS or FAIL with the
/// system, the check, what was found and, on a failure, the fix. Exit 0 only when every check passes, else 1.
/// </summary>
internal sealed class CheckCommand : IHubCommandFactory
{
    public const int SomeChecksFail = 1;

    /// <summary>What the parts log while they are checked goes to standard error: standard output is the check lines alone.</summary>
    private static readonly KeyValuePair<string, string?>[] LogsToStandardError =
        [new("Logging:Console:LogToStandardErrorThreshold", "Trace")];

    public Command Create()
    {
        var command = new Command("check", "Check the configuration and every system: reachable, signed in, permissions, the mapping's values exist.");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var configuration = HubConfiguration.Load(parse.GetValue(CommonOptions.Config), LogsToStandardError);
        var output = parse.InvocationConfiguration.Output;
        if (ConfigurationProblems.Find(configuration) is { Count: > 0 } problems)
        {
            return await ConfigurationRefusal.WriteAsync(parse.InvocationConfiguration.Error, problems);
        }

        await using var app = HubHostBuilder.Build(configuration);
        var adapters = app.Services.GetRequiredService<SystemAdapters>();
        var mappings = app.Services.GetRequiredService<IMappingProvider>().Current;
        var systems = app.Services.GetRequiredService<IReadOnlyList<SystemSettings>>();
        await WriteAsync(output, "hub", SystemCheck.Pass("configuration", $"every setting is valid; {systems.Count} systems, mapping {mappings.Version}"));
        var passed = 1;
        foreach (var plugin in app.Services.GetRequiredService<AdapterPlugins>().Plugins)
        {
            await WriteAsync(output, "hub", SystemCheck.Pass("adapter plugin", plugin.Describe()));
            passed++;
        }

        var failed = 0;
        foreach (var system in systems)
        {
            foreach (var check in await ChecksOfAsync(adapters.Get(system.Name), mappings, cancellationToken))
            {
                await WriteAsync(output, system.Name, check);
                (passed, failed) = check.Passed ? (passed + 1, failed) : (passed, failed + 1);
            }
        }

        await output.WriteLineAsync($"hub check: {passed} passed, {failed} failed.");
        return failed == 0 ? 0 : SomeChecksFail;
    }

    /// <summary>The system's checks, with its health answer as a failed line when no check says why it cannot be used.</summary>
    private static async Task<IReadOnlyList<SystemCheck>> ChecksOfAsync(ISystemAdapter adapter, MappingSet mappings, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SystemHealthRegistration.Timeout * 2);
        try
        {
            var readiness = await SystemReadinessCheck.RunAsync(adapter, mappings, deadline.Token);
            return readiness.Health.IsHealthy || readiness.Failed.Any()
                ? readiness.Checks
                : [.. readiness.Checks, SystemCheck.Fail(SystemReadinessCheck.UsableCheck, readiness.Health.Detail, "see the detail")];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return [SystemCheck.Fail("reachable", $"no answer within {(SystemHealthRegistration.Timeout * 2).TotalSeconds:0} s", "check that the system is up and this machine can reach it")];
        }
    }

    private static Task WriteAsync(TextWriter output, string system, SystemCheck check) =>
        output.WriteLineAsync(
            $"{(check.Passed ? "PASS" : "FAIL")}  {TerminalText.Clean(system)}  {check.Name}: {TerminalText.Clean(check.Detail)}" +
            (check.Passed || check.Fix is null ? string.Empty : $"  Fix: {TerminalText.Clean(check.Fix)}"));
}
