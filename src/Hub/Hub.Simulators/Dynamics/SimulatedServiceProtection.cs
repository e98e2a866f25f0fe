namespace Hub.Simulators.Dynamics;

/// <summary>
/// Dataverse's service protection limits for the hub's user: a request count per 5-minute sliding window,
/// concurrent requests, and a penalty after a 429 during which every request is refused again.
/// A burst can be forced for tests. Thread-safe.
/// </summary>
internal sealed class SimulatedServiceProtection(int requestLimit, int concurrencyLimit, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new();
    private DateTimeOffset penaltyUntil = DateTimeOffset.MinValue;
    private int forcedRemaining;
    private TimeSpan forcedRetryAfter;
    private int inFlight;

    public int MaxConcurrentSeen { get; private set; }

    public void ForceBurst(int responses, TimeSpan retryAfter)
    {
        lock (gate)
        {
            forcedRemaining = responses;
            forcedRetryAfter = retryAfter;
        }
    }

    /// <summary>Admits a request or returns the 429 to answer; call <see cref="Leave"/> after an admitted one.</summary>
    public SimResponse? Enter()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now < penaltyUntil)
            {
                return Throttled(penaltyUntil - now, "0x80072322", $"Number of requests exceeded the limit of {requestLimit} over time window of 300 seconds.");
            }

            if (forcedRemaining > 0)
            {
                forcedRemaining--;
                return Penalise(now, forcedRetryAfter, "0x80072322", $"Number of requests exceeded the limit of {requestLimit} over time window of 300 seconds.");
            }

            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= requestLimit)
            {
                return Penalise(now, recent.Peek() + Window - now, "0x80072322", $"Number of requests exceeded the limit of {requestLimit} over time window of 300 seconds.");
            }

            if (inFlight >= concurrencyLimit)
            {
                return Throttled(TimeSpan.FromSeconds(1), "0x80072326", $"Number of concurrent requests exceeded the limit of {concurrencyLimit}.");
            }

            recent.Enqueue(now);
            inFlight++;
            MaxConcurrentSeen = Math.Max(MaxConcurrentSeen, inFlight);
            return null;
        }
    }

    public void Leave()
    {
        lock (gate)
        {
            inFlight--;
        }
    }

    private SimResponse Penalise(DateTimeOffset now, TimeSpan retryAfter, string code, string message)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)));
        penaltyUntil = now + seconds;
        return Throttled(seconds, code, message);
    }

    private static SimResponse Throttled(TimeSpan retryAfter, string code, string message)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        return SimResponse.Error(429, code, message, new Dictionary<string, string>
        {
            ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
