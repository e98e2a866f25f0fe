namespace Hub.Engine.Journal;

/// <summary>
/// One writer at a time among this process's own units of work (poll, dispatch, admin commands), so they queue here
/// rather than on the database's write lock. It is not what keeps the journal's hash chain one chain across processes:
/// that is the database's own lock, taken before the last hash is read (see <c>JournalWriteLock</c>).
/// </summary>
public sealed class HubWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
