using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>
/// Keeps the hub inside one org's service protection limits, shared by every adapter of that org and user:
/// no request while a Retry-After penalty runs, at most the request budget per 5 minutes, at most the allowed
/// concurrent requests. A wait longer than <c>maxWait</c> is not sat out: the caller gets a transient failure
/// with the time to wait, so the outbox reschedules instead of blocking a thread.
/// </summary>
internal sealed class ServiceProtectionGate : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> sent = new();
    private readonly SemaphoreSlim slots;
    private readonly int budget;
    private readonly TimeSpan maxWait;
    private readonly TimeProvider time;
    private DateTimeOffset penaltyUntil = DateTimeOffset.MinValue;

    public ServiceProtectionGate(int budget, int maxConcurrency, TimeSpan maxWait, TimeProvider time)
    {
        this.budget = budget;
        this.maxWait = maxWait;
        this.time = time;
        slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    public DateTimeOffset PenaltyUntil
    {
        get
        {
            lock (gate)
            {
                return penaltyUntil;
            }
        }
    }

    /// <summary>Waits until a request may go out and takes a concurrency slot; dispose the result when the answer is in.</summary>
    public async Task<IDisposable> EnterAsync(string systemName, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForTurnAsync(systemName, cancellationToken);
            await slots.WaitAsync(cancellationToken);
            if (TryTakeBudget())
            {
                return new Slot(slots);
            }

            slots.Release(); // a penalty started or the budget ran out while we waited for a slot
        }
    }

    /// <summary>Records a 429: nothing goes to this org until <paramref name="retryAfter"/> has passed.</summary>
    public void Penalise(TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > penaltyUntil)
            {
                penaltyUntil = until;
            }
        }
    }

    public void Dispose() => slots.Dispose();

    private async Task WaitForTurnAsync(string systemName, CancellationToken cancellationToken)
    {
        while (WaitNeeded() is { } wait)
        {
            if (wait.Duration > maxWait)
            {
                throw AdapterException.Transient(systemName,
                    $"Dynamics service protection: {wait.Reason}; the hub waits {Math.Ceiling(wait.Duration.TotalSeconds)} s before it sends anything to this org again.",
                    wait.Duration);
            }

            await Task.Delay(wait.Duration, time, cancellationToken);
        }
    }

    private (TimeSpan Duration, string Reason)? WaitNeeded()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now < penaltyUntil)
            {
                return (penaltyUntil - now, "the org answered 429 Too Many Requests with Retry-After");
            }

            Forget(now);
            return sent.Count >= budget
                ? (sent.Peek() + Window - now, $"the hub's budget of {budget} requests per 5 minutes is used up")
                : null;
        }
    }

    private bool TryTakeBudget()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(now);
            if (now < penaltyUntil || sent.Count >= budget)
            {
                return false;
            }

            sent.Enqueue(now);
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (sent.Count > 0 && now - sent.Peek() >= Window)
        {
            sent.Dequeue();
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
