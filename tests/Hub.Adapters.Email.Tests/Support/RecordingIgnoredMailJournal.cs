using System.Collections.Concurrent;
using Hub.Adapters.Email.Ignored;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>Keeps what the adapter reported as set aside, as the host's journal would.</summary>
internal sealed class RecordingIgnoredMailJournal : IIgnoredMailJournal
{
    private readonly ConcurrentQueue<IgnoredMail> recorded = new();

    public IReadOnlyList<IgnoredMail> Recorded => [.. recorded];

    public Task RecordAsync(IgnoredMail mail, CancellationToken cancellationToken)
    {
        recorded.Enqueue(mail);
        return Task.CompletedTask;
    }
}
