using System.Globalization;
using System.Text;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// Standard output that keeps nothing: it hands each line to a check, counts lines and, every
/// <see cref="SampleEvery"/> lines, records the live managed heap (after a full collection).
/// </summary>
internal sealed class LineCounter(Action<string> check) : TextWriter
{
    public const int SampleEvery = 10_000;

    private readonly StringBuilder line = new();

    public long Lines { get; private set; }

    public long PeakLiveBytes { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    private void EndLine()
    {
        check(line.ToString().TrimEnd('\r'));
        line.Clear();
        Lines++;
        if (Lines % SampleEvery == 0)
        {
            PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
        }
    }

    public override IFormatProvider FormatProvider => CultureInfo.InvariantCulture;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        var rest = (value ?? string.Empty).AsSpan();
        for (var end = rest.IndexOf('\n'); end >= 0; end = rest.IndexOf('\n'))
        {
            line.Append(rest[..end]);
            EndLine();
            rest = rest[(end + 1)..];
        }

        line.Append(rest);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToString());
        Write('\n');
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToString());
        return Task.CompletedTask;
    }
}
