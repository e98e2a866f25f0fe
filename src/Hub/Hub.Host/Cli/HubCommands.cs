using System.CommandLine;

namespace Hub.Host.Cli;

/// <summary>
/// The subcommands (see <see cref="IHubCommandFactory"/>), listed here by name. Not found by listing the assembly's types:
/// that loads every type of the hub at each start, and with them the OpenAPI packages that generated code in the
/// assembly refers to, even when the OpenAPI document is off (docs/performance/memory-load-less.md). A test checks
/// that every factory in the assembly is listed.
/// </summary>
internal static class HubCommands
{
    public static IEnumerable<Command> All() =>
        new IHubCommandFactory[]
        {
            new ApiKeyCommand(),
            new ArchiveCommand(),
            new CheckCommand(),
            new DeadLettersCommand(),
            new HealthCommand(),
            new LinkCommand(),
            new LogCommand(),
            new MappingsCommand(),
            new SandboxMovedCommand(),
            new StatusCommand(),
            new TraceCommand(),
            new VerifyCommand(),
        }.Select(factory => factory.Create());
}
