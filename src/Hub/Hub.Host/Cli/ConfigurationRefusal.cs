using System.CommandLine;
using System.CommandLine.Invocation;
using Hub.Abstractions.Adapters;
using Hub.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Host.Cli;

/// <summary>
/// How every `hub` command refuses a bad configuration: one line per problem, each naming its key
/// (<c>hub: configuration error: Hub:Systems:servicedesk:PollInterval: …</c>), and exit code 2, never a stack trace.
/// </summary>
internal static class ConfigurationRefusal
{
    public static async Task<int> WriteAsync(TextWriter error, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"hub: configuration error: {problem}");
        }

        if (problems.Count > 1)
        {
            await error.WriteLineAsync($"hub: {problems.Count} configuration problems; fix them all, then start again.");
        }

        return HubService.ExitConfiguration;
    }

    /// <summary>Wraps the action of every command below <paramref name="command"/> so that a configuration failure is refused this way.</summary>
    public static void GuardAll(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Action is { } action and not Guarded)
        {
            command.Action = new Guarded(action);
        }

        foreach (var sub in command.Subcommands)
        {
            GuardAll(sub);
        }
    }

    private sealed class Guarded(CommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            try
            {
                return inner switch
                {
                    AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken),
                    SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
                    _ => throw new InvalidOperationException($"Unknown command action {inner.GetType().Name}."),
                };
            }
            catch (HubConfigurationException refused)
            {
                return await WriteAsync(parseResult.InvocationConfiguration.Error, refused.Problems);
            }
            catch (OptionsValidationException refused)
            {
                return await WriteAsync(parseResult.InvocationConfiguration.Error, [.. refused.Failures]);
            }
        }
    }
}
