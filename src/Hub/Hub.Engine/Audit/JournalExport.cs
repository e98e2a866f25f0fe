using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Hub.Engine.Audit;

/// <summary>
/// Writes journal entries as they stream in, as JSON lines or CSV, so an export of any size needs the memory of
/// one entry. CSV cells that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class JournalExport
{
    /// <summary>camelCase, ISO-8601 times; non-ASCII text kept readable (the output is data, never HTML).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task<long> WriteAsync(IAsyncEnumerable<JournalRecord> records, TextWriter output, ArchiveFormat format, CancellationToken cancellationToken) =>
        format switch
        {
            ArchiveFormat.JsonLines => WriteJsonLinesAsync(records, output, cancellationToken),
            ArchiveFormat.Csv => WriteCsvAsync(records, output, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use JsonLines or Csv."),
        };

    public static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<JournalRecord> records, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(record, Json).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<JournalRecord> records, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        var csv = new CsvWriter(output, configuration, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset>().Formats = ["O"];
            csv.WriteHeader<JournalRecord>();
            await csv.NextRecordAsync().ConfigureAwait(false);
            long count = 0;
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                csv.WriteRecord(record);
                await csv.NextRecordAsync().ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync().ConfigureAwait(false);
            return count;
        }
    }
}
