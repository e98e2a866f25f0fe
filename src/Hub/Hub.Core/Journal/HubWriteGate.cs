namespace Hub.Core.Journal;

/// <summary>
/// One writer at a time for the hub's units of work (poll, dispatch, admin commands), so the journal's hash
/// chain never forks and SQLite never sees two writers.
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
