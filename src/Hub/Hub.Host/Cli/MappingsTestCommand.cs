using System.CommandLine;
using Hub.Abstractions.Adapters;
using Hub.Engine.Mapping;
using Hub.Host.Cli.Rehearsal;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>
/// `hub mappings test &lt;system&gt; &lt;record&gt; [--mappings dir] [--format table|json]`: a dry run of one real record. Exit 0
/// when it was planned, 1 when the system has no such record, 2 for a configuration or mapping error (or a system
/// that starts no cases), 4 when the configured hub database cannot be read, 5 when the system cannot be read.
/// </summary>
internal static class MappingsTestCommand
{
    public static Command Create()
    {
        var system = new Argument<string>("system") { Description = "The configured system the record is in, e.g. servicedesk." };
        var record = new Argument<string>("record") { Description = "The record's id or number, e.g. \"I 2026 042\" or a Dynamics incidentid or ticket number." };
        var mappings = new Option<string?>("--mappings") { Description = "Mappings directory to try (default: Hub:MappingsPath): an edited copy shows what the edit would do before it is deployed." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("test", "Dry run: read one real record and show its canonical change, the routes it takes and what each downstream system would get. Writes nothing.")
        {
            system, record, mappings, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var request = new RehearsalRun.Request(parse.GetValue(system)!, parse.GetValue(record)!, parse.GetValue(mappings), parse.GetValue(format) == "json");
                return await RehearsalRun.RunAsync(CliConfiguration.From(parse), request, output, error, ct);
            }
            catch (Exception refused) when (Refusal(refused) is { } exit)
            {
                await error.WriteLineAsync($"hub: {exit.Message}".AsMemory(), ct);
                return exit.Code;
            }
        });
        return command;
    }

    /// <summary>The exit code and message of what stops a dry run before it can plan (not a missing record: that is <see cref="RehearsalRun.NotFound"/>).</summary>
    private static (int Code, string Message)? Refusal(Exception failure) => failure switch
    {
        HubConfigurationException bad => (HubService.ExitConfiguration, $"configuration error: {bad.Message}"),
        MappingLoadException broken => (HubService.ExitConfiguration, broken.Message),
        AuditDatabaseUnavailableException unavailable => (AuditDatabase.Unavailable, unavailable.Message),
        _ => null,
    };
}
