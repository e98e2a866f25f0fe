using System.Globalization;
using System.Text;
using Hub.Engine.Audit;

namespace Hub.Host.Cli;

/// <summary>`hub log --format table`: fixed-width columns, written row by row as the journal streams in.</summary>
internal static class JournalTable
{
    private static readonly CompositeFormat Row = CompositeFormat.Parse("{0,8}  {1,-19}  {2,-18}  {3,-15}  {4,-28}  {5,-14}  {6}");

    public static async Task<long> WriteAsync(IAsyncEnumerable<JournalRecord> records, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Line("#", "AT (UTC)", "CASE", "KIND", "ROUTE", "OUTCOME", "DETAIL").AsMemory(), cancellationToken).ConfigureAwait(false);
        long count = 0;
        await foreach (var entry in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var line = Line(
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                AuditText.Time(entry.At),
                AuditText.Cell(entry.CaseId, 18),
                AuditText.Cell(entry.Kind, 15),
                AuditText.Cell(AuditText.Route(entry.SourceSystem, entry.TargetSystem), 28),
                AuditText.Cell(entry.Outcome, 14),
                AuditText.Cell(entry.Error ?? entry.Detail, 70));
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static string Line(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Row, cells).TrimEnd();
}
