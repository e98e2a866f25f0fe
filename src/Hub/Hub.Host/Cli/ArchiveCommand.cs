using System.CommandLine;
using System.Text;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;

namespace Hub.Host.Cli;

/// <summary>
/// `hub archive --out &lt;file&gt;`: exports the journal (or a time range of it) as JSON lines or CSV, with the hashes,
/// for auditors to keep. The hub never deletes journal entries; an archive is a copy. An existing file is never overwritten.
/// </summary>
internal sealed class ArchiveCommand : IHubCommandFactory
{
    public const int Refused = 1;

    public Command Create()
    {
        var outFile = new Option<FileInfo>("--out") { Description = "The archive file to write (must not exist yet).", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "jsonl (one JSON object per line) or csv (header row).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var since = AuditCliOptions.Since();
        var until = AuditCliOptions.Until();
        var command = new Command("archive", "Export journal entries, every field and hash included, to a file.") { outFile, format, since, until };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetRequiredValue(outFile);
            if (target.Exists)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{target.FullName} already exists; the archive never overwrites a file. Choose another --out.".AsMemory(), ct).ConfigureAwait(false);
                return Refused;
            }

            var filter = new JournalFilter { Since = parse.GetValue(since), Until = parse.GetValue(until) };
            var kind = parse.GetRequiredValue(format) == "csv" ? ArchiveFormat.Csv : ArchiveFormat.JsonLines;
            return await AuditDatabase.ReadAsync(parse, async db =>
            {
                var count = await WriteAsync(db, target, filter, kind, ct).ConfigureAwait(false);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Archived {count} journal entries to {target.FullName}.".AsMemory(), ct).ConfigureAwait(false);
                return 0;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Writes beside the target first and moves it into place at the end, so a half-written archive never has the final name.</summary>
    private static async Task<long> WriteAsync(HubDbContext db, FileInfo target, JournalFilter filter, ArchiveFormat format, CancellationToken cancellationToken)
    {
        target.Directory?.Create();
        var partial = target.FullName + ".partial";
        try
        {
            long count;
            var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using (writer.ConfigureAwait(false))
            {
                count = await JournalExport.WriteAsync(JournalQuery.StreamAsync(db, filter), writer, format, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target.FullName, overwrite: false);
            return count;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
