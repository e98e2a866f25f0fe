using System.Collections.Concurrent;
using Hub.Adapters.Email.Ignored;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>Keeps what the adapter reported as set aside, as the host's journal would.</summary>
internal sealed class RecordingIgnoredMailJournal : IIgnoredRecordJournal
{
    private readonly ConcurrentQueue<IgnoredRecord> recorded = new();

    /// <summary>Each report, with its kind read back as the adapter's reason and its reference as the Message-ID.</summary>
    public IReadOnlyList<Report> Recorded => [.. recorded.Select(r => new Report(Enum.Parse<IgnoredMailReason>(r.Kind), r.Quarantined, r.Reference, r.ExternalId, r.Detail, r.At))];

    public Task RecordAsync(IgnoredRecord record, CancellationToken cancellationToken)
    {
        recorded.Enqueue(record);
        return Task.CompletedTask;
    }

    public sealed record Report(IgnoredMailReason Reason, bool Quarantined, string? MessageId, string? WorkOrderToken, string Detail, DateTimeOffset At);
}
