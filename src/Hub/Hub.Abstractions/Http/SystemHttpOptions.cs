namespace Hub.Abstractions.Http;

/// <summary>How hard an adapter's HTTP client tries before it gives a failure back to the outbox.</summary>
public sealed record SystemHttpOptions
{
    /// <summary>Retries inside one call, for 5xx, 408, 429 and timeouts.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay (exponential with jitter after it).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A Retry-After longer than this is not waited out in the call: the outbox reschedules instead.</summary>
    public TimeSpan MaxInlineRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time limit for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; init; } = 0.5;

    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public int CircuitMinimumThroughput { get; init; } = 10;

    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
