using System.CommandLine;
using Hub.Engine.Journal;

namespace Hub.Host.Cli;

/// <summary>
/// `hub verify`: walks the journal's hash chain, with the journal keys when configured, and holds it to the newest
/// verified heads the service kept (database and head file); exit 0 only when nothing was altered, removed, inserted,
/// re-hashed without the key or cut off. Reads only: it keeps no head of its own.
/// </summary>
internal sealed class VerifyCommand : IHubCommandFactory
{
    public const int Tampered = 1;

    public Command Create()
    {
        var keptHead = new Option<string?>("--head")
        {
            Description = "The head hash an earlier verify printed, kept outside the database: fails if that entry is no longer in the chain (newest entries cut off).",
        };
        var command = new Command("verify", "Check the journal's hash chain. Exit code 0: intact; 1: the first altered, removed, inserted or unverifiable entry, or a verified head no longer in the chain, is named; 2: a bad journal key setting; 4: no hub database at the configured place.")
        {
            keptHead,
        };
        command.SetAction((parse, ct) => CliJournalKeys.RunAsync(parse, async () =>
        {
            var configuration = CliConfiguration.From(parse);
            var keys = CliJournalKeys.Load(configuration);
            var headFile = CliJournalKeys.Options(configuration).HeadFilePath(configuration.BaseDirectory) is { } path ? new VerifiedHeadFile(path) : null;
            return await AuditDatabase.ReadAsync(parse, async db =>
            {
                var evidence = new JournalEvidence
                {
                    Keys = keys, Heads = await KeptHeads.ReadAsync(db, headFile, ct).ConfigureAwait(false), KeptHash = parse.GetValue(keptHead),
                };
                var verdict = await JournalVerifier.VerifyAsync(db, evidence, ct).ConfigureAwait(false);
                var writer = verdict.IsIntact ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error;
                await writer.WriteLineAsync(verdict.ToString().AsMemory(), ct).ConfigureAwait(false);
                return verdict.IsIntact ? 0 : Tampered;
            }, ct).ConfigureAwait(false);
        }, ct));
        return command;
    }
}
