using System.Globalization;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Sandbox;

/// <summary>Prints each new journal entry as it is written: the demo complaint's journey, step by step.</summary>
internal sealed class SandboxNarrator(HubDatabase database, TextWriter output)
{
    private long seen;

    public async Task<int> PrintNewAsync(CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var entries = await db.Journal.AsNoTracking().Where(e => e.Sequence > seen).OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var e in entries)
            {
                seen = e.Sequence;
                var route = e.TargetSystem is null ? $"{e.SourceSystem} {e.SourceRecord}" : $"→ {e.TargetSystem} {e.TargetRecord}";
                var what = e.After ?? e.Detail ?? e.Error ?? string.Empty;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {e.At.ToLocalTime():HH:mm:ss}  {e.CaseId,-16} {e.Kind,-15} {e.Outcome,-13} {route,-38} {Shorten(what)}")).ConfigureAwait(false);
            }

            return entries.Count;
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return TextCut.Shorten(line, 90);
    }
}
