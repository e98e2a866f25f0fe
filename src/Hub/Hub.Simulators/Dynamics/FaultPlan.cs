namespace Hub.Simulators.Dynamics;

/// <summary>Faults injected into the simulated Dataverse: fail the next N requests, fail a share of them, add latency.</summary>
internal sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly Random random = new(7); // fixed: a run of the same requests fails the same way
    private int failNext;
    private int failStatus = 503;
    private double failureRatio;
    private (string Method, string PathPrefix, int ThenUnavailable)? loseAnswer;

    public TimeSpan Latency { get; private set; }

    public void FailNext(int count, int status)
    {
        lock (gate)
        {
            failNext = count;
            failStatus = status;
        }
    }

    public void FailShare(double ratio, TimeSpan latency)
    {
        lock (gate)
        {
            failureRatio = ratio;
            Latency = latency;
        }
    }

    public void LoseAnswerToNext(string method, string pathPrefix, int thenUnavailable = 0)
    {
        lock (gate)
        {
            loseAnswer = (method, pathPrefix, thenUnavailable);
        }
    }

    /// <summary>
    /// True (once) when this request is carried out but its answer must be lost on the way back; the requests after it
    /// then fail with 503 as many times as the test asked (the org out of reach for a moment).
    /// </summary>
    public bool LosesAnswer(SimRequest request)
    {
        lock (gate)
        {
            if (loseAnswer is { } lose && lose.Method == request.Method && request.Path.StartsWith(lose.PathPrefix, StringComparison.Ordinal))
            {
                loseAnswer = null;
                if (lose.ThenUnavailable > 0)
                {
                    (failNext, failStatus) = (lose.ThenUnavailable, 503);
                }

                return true;
            }

            return false;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            loseAnswer = null;
            failNext = 0;
            failureRatio = 0;
            Latency = TimeSpan.Zero;
        }
    }

    /// <summary>The failure to answer this request with, or null to serve it.</summary>
    public SimResponse? Next()
    {
        lock (gate)
        {
            if (failNext > 0)
            {
                failNext--;
                return Failure(failStatus);
            }

            return failureRatio > 0 && random.NextDouble() < failureRatio ? Failure(503) : null;
        }
    }

    private static SimResponse Failure(int status) => status switch
    {
        500 => SimResponse.Error(500, "0x80040216", "An unexpected error occurred."),
        _ => SimResponse.Error(status, string.Empty, "The service is temporarily unavailable. Please try again later."),
    };
}
