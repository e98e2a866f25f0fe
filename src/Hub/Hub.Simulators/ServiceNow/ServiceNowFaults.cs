namespace Hub.Simulators.ServiceNow;

/// <summary>Faults a test asks the simulated instance to show; decided per request, thread-safe.</summary>
internal sealed class ServiceNowFaults
{
    private readonly Lock gate = new();
    private int failNext;
    private int failStatus;
    private string failMessage = string.Empty;
    private string? failDetail;
    private int throttleNext;
    private TimeSpan? retryAfter;
    private int loseAnswers;

    public void FailNext(int count, int status, string message, string? detail)
    {
        lock (gate)
        {
            (failNext, failStatus, failMessage, failDetail) = (count, status, message, detail);
        }
    }

    public void Throttle(int count, TimeSpan? wait)
    {
        lock (gate)
        {
            (throttleNext, retryAfter) = (count, wait);
        }
    }

    public void LoseAnswers(int count)
    {
        lock (gate)
        {
            loseAnswers = count;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            (failNext, throttleNext, loseAnswers) = (0, 0, 0);
        }
    }

    /// <summary>The fault for the next request, if any: (status, message, detail, retry-after; null retry-after = no header).</summary>
    public (int Status, string Message, string? Detail, TimeSpan? RetryAfter, bool Throttled)? Next()
    {
        lock (gate)
        {
            if (throttleNext > 0)
            {
                throttleNext--;
                return (429, "Rate limit exceeded", "The maximum number of requests per hour for the integration user was exceeded.", retryAfter, true);
            }

            if (failNext > 0)
            {
                failNext--;
                return (failStatus, failMessage, failDetail, null, false);
            }

            return null;
        }
    }

    public bool LoseThisAnswer()
    {
        lock (gate)
        {
            if (loseAnswers <= 0)
            {
                return false;
            }

            loseAnswers--;
            return true;
        }
    }
}
