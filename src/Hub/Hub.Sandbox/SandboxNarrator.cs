using System.Globalization;
using Hub.Abstractions.Model;

namespace Hub.Sandbox;

/// <summary>
/// Prints each new journal entry as the hub writes it, read from the hub's own API (GET /api/events): the demo
/// complaint's journey, step by step. The journal only grows, in sequence order, so the narrator stays on the last
/// page it read and prints what is new on it.
/// </summary>
internal sealed class SandboxNarrator(HubApi api, TextWriter output)
{
    private const int PageSize = 500;
    private long seen;
    private int page = 1;

    public async Task<int> PrintNewAsync(CancellationToken cancellationToken)
    {
        var printed = 0;
        while (true)
        {
            var journal = await api.EventsAsync(page, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var e in journal.Items.Where(e => e.Sequence > seen))
            {
                seen = e.Sequence;
                printed++;
                await output.WriteLineAsync(Line(e)).ConfigureAwait(false);
            }

            if (!journal.HasMore)
            {
                return printed;
            }

            page++;
        }
    }

    private static string Line(JournalLine e)
    {
        var route = e.TargetSystem is null ? $"{e.SourceSystem} {e.SourceRecord}" : $"→ {e.TargetSystem} {e.TargetRecord}";
        var what = e.After ?? e.Detail ?? e.Error ?? string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"  {e.At.ToLocalTime():HH:mm:ss}  {e.CaseId,-16} {e.Kind,-15} {e.Outcome,-13} {route,-38} {TextCut.Shorten(what.ReplaceLineEndings(" "), 90)}");
    }
}
