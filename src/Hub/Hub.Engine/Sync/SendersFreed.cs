namespace Hub.Engine.Sync;

/// <summary>
/// The sends of one dispatcher round, each of which gives its sender back to the round as soon as its call has
/// answered: recording the outcome (the completion's unit of work under the write gate, or the failure's) goes on
/// beside the next command's call instead of holding one of the <see cref="SyncOptions.DispatchConcurrency"/> senders
/// while it waits its turn at the gate. The calls in flight stay at most that many; only the database work overlaps.
/// The round does not end before every outcome is recorded (<see cref="AllRecordedAsync"/>): a row whose outcome is
/// still being written stays pending and leased to this node, and the next round would take it as left over and send
/// it again.
/// </summary>
internal sealed class SendersFreed
{
    private readonly List<Task> sends = [];
    private Task? failed;

    /// <summary>
    /// Starts a send and waits only until its call has answered (the send says so through the callback it is given) or
    /// the send has ended, whichever comes first. Throws the failure of an earlier send of the round first, so a round
    /// whose database went away stops taking commands, as it did when every sender waited for its outcome.
    /// </summary>
    public async Task SendAsync(Func<Action, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (Volatile.Read(ref failed) is { } earlier)
        {
            await earlier.ConfigureAwait(false);
        }

        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var whole = send(() => answered.TrySetResult());
        lock (sends)
        {
            sends.Add(whole);
        }

        _ = whole.ContinueWith(
            ended => Interlocked.CompareExchange(ref failed, ended, null),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (await Task.WhenAny(answered.Task, whole).ConfigureAwait(false) == whole)
        {
            await whole.ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every send of the round has recorded its outcome; the first failure among them, if any, is thrown.</summary>
    public async Task AllRecordedAsync()
    {
        Task[] all;
        lock (sends)
        {
            all = [.. sends];
        }

        await Task.WhenAll(all).ConfigureAwait(false);
    }

    /// <summary>Waits until every send has ended, whatever it ended with (the round is failing already and throws its own failure).</summary>
    public async Task AllEndedAsync()
    {
        Task[] all;
        lock (sends)
        {
            all = [.. sends];
        }

        await Task.WhenAll(all).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
    }
}
