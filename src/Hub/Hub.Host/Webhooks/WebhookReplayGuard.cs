namespace Hub.Host.Webhooks;

/// <summary>
/// The valid signatures this hub has taken in while their timestamps are still fresh, so a captured call cannot be
/// sent again inside the window; after the window its timestamp refuses it anyway, and it is forgotten. Bounded: at
/// most <see cref="Capacity"/> calls are remembered; when that many fresh ones are held, new calls are refused
/// (the poll interval still brings every change) rather than forgetting one that could then be replayed.
/// </summary>
internal sealed class WebhookReplayGuard(TimeProvider time)
{
    /// <summary>About 16 signed calls a second held for ten minutes: far beyond what a system's webhooks send.</summary>
    public const int Capacity = 10_000;

    private readonly Lock gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> forgetAt = new();

    public enum Outcome
    {
        FirstUse,
        Replayed,
        Full,
    }

    /// <summary>Calls remembered now (tests and the log read it).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    /// <summary>Records a valid signature with the timestamp it was signed for; says whether it was seen before.</summary>
    public Outcome Remember(string system, ReadOnlySpan<byte> signature, DateTimeOffset timestamp)
    {
        var key = system + ":" + Convert.ToHexString(signature);
        lock (gate)
        {
            ForgetStale();
            if (seen.Contains(key))
            {
                return Outcome.Replayed;
            }

            if (seen.Count >= Capacity)
            {
                return Outcome.Full;
            }

            seen.Add(key);
            forgetAt.Enqueue(key, timestamp + WebhookSignature.Tolerance);
            return Outcome.FirstUse;
        }
    }

    private void ForgetStale()
    {
        var now = time.GetUtcNow();
        while (forgetAt.TryPeek(out var key, out var staleAfter) && staleAfter < now)
        {
            forgetAt.Dequeue();
            seen.Remove(key);
        }
    }
}
