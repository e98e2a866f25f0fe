using System.Threading.Channels;

namespace Hub.Host.Webhooks;

/// <summary>A record a webhook of <paramref name="System"/> named, waiting to be read and taken in.</summary>
internal sealed record NamedRecord(string System, string Record);

/// <summary>
/// The records webhooks named, waiting for <see cref="NamedRecordWorker"/>: the webhook answers as soon as its record
/// is queued, so a slow system never holds its caller. Bounded at <see cref="Capacity"/>: when that many wait, a further
/// name is not queued (the call still makes the hub poll, which takes the record in) and the caller is not refused.
/// </summary>
internal sealed class NamedRecordQueue
{
    /// <summary>A few minutes of a busy service desk's webhooks; beyond that the poll, which reads them all anyway, is as quick.</summary>
    public const int Capacity = 1_000;

    private readonly Channel<NamedRecord> waiting = Channel.CreateBounded<NamedRecord>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false, SingleReader = false });

    /// <summary>Queues the record; false when the queue is full (nothing waits for room).</summary>
    public bool TryQueue(NamedRecord record) => waiting.Writer.TryWrite(record);

    public IAsyncEnumerable<NamedRecord> ReadAllAsync(CancellationToken cancellationToken) => waiting.Reader.ReadAllAsync(cancellationToken);
}
