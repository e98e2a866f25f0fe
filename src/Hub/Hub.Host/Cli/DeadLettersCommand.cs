using System.CommandLine;
using System.Globalization;
using Hub.Engine.Journal;
using Hub.Engine.Sync;
using Hub.Host.Configuration;

namespace Hub.Host.Cli;

/// <summary>`hub deadletters list | replay &lt;id&gt; | discard &lt;id&gt;`: what failed for good, and what the admin does about it.</summary>
internal sealed class DeadLettersCommand : IHubCommandFactory
{
    public Command Create()
    {
        var list = new Command("list", "List commands that failed for good, with their last error.");
        list.SetAction((parse, ct) => CliJournalKeys.RunAsync(parse, async () =>
        {
            var letters = await OpenAsync(parse, ct);
            var output = parse.InvocationConfiguration.Output;
            var rows = await letters.ListAsync(ct);
            output.WriteLine($"{"ID",6} {"CASE",-17} {"TARGET",-12} {"KIND",-15} {"ATTEMPTS",8}  LAST ERROR");
            foreach (var row in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Id,6} {TerminalText.Clean(row.CaseId),-17} {TerminalText.Clean(row.TargetSystem),-12} {TerminalText.Clean(row.Kind),-15} {row.Attempts,8}  {TerminalText.Clean(row.LastError)}"));
            }

            output.WriteLine($"{rows.Count} dead letter(s).");
            return 0;
        }, ct));

        return new Command("deadletters", "List, replay or discard commands that failed for good.")
        {
            list,
            Act("replay", "Put a dead letter back in the outbox after fixing its cause.", (l, id, ct) => l.ReplayAsync(id, null, ct)),
            Act("discard", "Give a dead letter up for good (journaled).", (l, id, ct) => l.DiscardAsync(id, null, ct)),
        };
    }

    private static Command Act(string name, string description, Func<DeadLetters, long, CancellationToken, Task<bool>> action)
    {
        var id = new Argument<long>("id") { Description = "The dead letter's id (see 'hub deadletters list')." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => CliJournalKeys.RunAsync(parse, async () =>
        {
            var letters = await OpenAsync(parse, ct);
            var which = parse.GetValue(id);
            if (await action(letters, which, ct))
            {
                parse.InvocationConfiguration.Output.WriteLine($"Dead letter {which}: {name} done (journaled).");
                return 0;
            }

            parse.InvocationConfiguration.Error.WriteLine($"No dead letter with id {which}; 'hub deadletters list' shows them.");
            return 1;
        }, ct));
        return command;
    }

    private static async Task<DeadLetters> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var configuration = CliConfiguration.From(parse);
        var keys = CliJournalKeys.Load(configuration); // journaled like the service's entries: signed with the same key
        var database = await HubDatabaseOpener.OpenMigratedAsync(configuration, ct);
        return new DeadLetters(database, new HubJournal(TimeProvider.System, keys), new HubWriteGate(), TimeProvider.System);
    }
}
