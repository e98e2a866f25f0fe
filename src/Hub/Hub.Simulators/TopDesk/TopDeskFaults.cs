namespace Hub.Simulators.TopDesk;

/// <summary>Faults a test asks the simulated TOPdesk to show. Thread-safe; decisions are made per request.</summary>
internal sealed class TopDeskFaults
{
    private readonly Lock gate = new();
    private int failNext;
    private int failStatus = 503;
    private TopDeskErrorShape failShape;
    private string failMessage = "Service temporarily unavailable";
    private string? failMethod;
    private int loseAnswers;
    private int loseStatus = 502;
    private int throttleNext;
    private TimeSpan retryAfter;
    private double failureRatio;
    private TimeSpan latency;
    private Random random = new(1);

    public void FailNext(int count, int status, TopDeskErrorShape shape, string message, string? method)
    {
        lock (gate)
        {
            (failNext, failStatus, failShape, failMessage, failMethod) = (count, status, shape, message, method);
        }
    }

    public void LoseAnswers(int count, int status)
    {
        lock (gate)
        {
            (loseAnswers, loseStatus) = (count, status);
        }
    }

    public void Throttle(int count, TimeSpan wait)
    {
        lock (gate)
        {
            (throttleNext, retryAfter) = (count, wait);
        }
    }

    public void Flaky(double ratio, TimeSpan delay, int seed)
    {
        lock (gate)
        {
            (failureRatio, latency, random) = (ratio, delay, new Random(seed));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            (failNext, loseAnswers, throttleNext, failureRatio, latency) = (0, 0, 0, 0, TimeSpan.Zero);
        }
    }

    /// <summary>What to do with the next request before it is handled.</summary>
    public Fault Next(string method)
    {
        lock (gate)
        {
            if (throttleNext > 0)
            {
                throttleNext--;
                return new Fault(429, TopDeskApiError.BodyOf(TopDeskErrorShape.MessageList, "Too many requests", null, "rate_limited"), retryAfter, latency);
            }

            if (failNext > 0 && (failMethod is null || string.Equals(failMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                failNext--;
                return new Fault(failStatus, TopDeskApiError.BodyOf(failShape, failMessage, FieldOf(failMessage), "simulated_failure"), null, latency);
            }

            if (failureRatio > 0 && random.NextDouble() < failureRatio)
            {
                return new Fault(503, TopDeskApiError.BodyOf(TopDeskErrorShape.MessageList, "Service temporarily unavailable", null, "unavailable"), null, latency);
            }

            return new Fault(0, string.Empty, null, latency);
        }
    }

    /// <summary>Whether the answer to a write that was applied should be lost (a 5xx instead of the result).</summary>
    public int? LoseThisAnswer()
    {
        lock (gate)
        {
            if (loseAnswers <= 0)
            {
                return null;
            }

            loseAnswers--;
            return loseStatus;
        }
    }

    private static string? FieldOf(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) ? message[..colon] : null;
    }
}

/// <summary>A decision about one request: a status to answer with (0: none), and latency to add.</summary>
internal sealed record Fault(int Status, string Body, TimeSpan? RetryAfter, TimeSpan Latency)
{
    public bool Fails => Status != 0;
}
