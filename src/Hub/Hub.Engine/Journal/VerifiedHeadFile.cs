using System.Globalization;
using System.Text;

namespace Hub.Engine.Journal;

/// <summary>
/// A file of verified heads, one JSON line each (<see cref="VerifiedHead.ToLine"/>), that an admin names to keep them
/// off the database too (<c>Hub:Audit:HeadFile</c>), e.g. on another disk or a share another machine backs up.
/// </summary>
public sealed class VerifiedHeadFile(string path)
{
    public string Path { get; } = path;

    public string Where => $"head file {Path}";

    /// <summary>The head with the highest sequence in the file; null when the file does not exist yet or holds none.</summary>
    public async Task<VerifiedHead?> NewestAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        VerifiedHead? newest = null;
        var number = 0;
        using var reader = new StreamReader(Path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var head = VerifiedHead.FromLine(line)
                ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Where}, line {number}: not a verified head (one JSON line as the hub writes them)."));
            if (newest is null || head.Sequence >= newest.Sequence)
            {
                newest = head;
            }
        }

        return newest;
    }

    /// <summary>Appends the head as one line and flushes it to the disk.</summary>
    public async Task AppendAsync(VerifiedHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToLine() + "\n"), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }
}
