using System.CommandLine;
using Hub.Engine.Journal;

namespace Hub.Host.Cli;

/// <summary>`hub verify`: walks the journal's hash chain; exit 0 only when nothing was altered, removed or inserted.</summary>
internal sealed class VerifyCommand : IHubCommandFactory
{
    public const int Tampered = 1;

    public Command Create()
    {
        var keptHead = new Option<string?>("--head")
        {
            Description = "The head hash an earlier verify printed, kept outside the database: fails if that entry is no longer in the chain (newest entries cut off).",
        };
        var command = new Command("verify", "Check the journal's hash chain. Exit code 0: intact; 1: the first altered, removed or inserted entry is named; 4: no hub database at the configured place.")
        {
            keptHead,
        };
        command.SetAction((parse, ct) => AuditDatabase.ReadAsync(parse, async db =>
        {
            var verdict = await JournalVerifier.VerifyAsync(db, parse.GetValue(keptHead), ct).ConfigureAwait(false);
            var writer = verdict.IsIntact ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error;
            await writer.WriteLineAsync(verdict.ToString().AsMemory(), ct).ConfigureAwait(false);
            return verdict.IsIntact ? 0 : Tampered;
        }, ct));
        return command;
    }
}
