using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Hub.Abstractions.Http;

/// <summary>
/// Builds the HTTP client of one configured system: retries with backoff for 5xx, 408, 429 and timeouts
/// (honouring short Retry-After values), a circuit breaker of its own, and the adapter's handlers
/// (authentication and the like) inside the pipeline, so every attempt is authenticated afresh.
/// </summary>
public static class SystemHttpClient
{
    /// <summary>
    /// Request option that asks for one attempt only: set it (to true) on a request that is not safe to repeat,
    /// such as a POST that creates a record, so a lost answer is never retried into a duplicate. The outbox
    /// retries such a command later, and the adapter looks the record up first.
    /// </summary>
    public const string SingleAttemptOption = "Hub.SingleAttempt";

    private static readonly HttpRequestOptionsKey<bool> SingleAttempt = new(SingleAttemptOption);

    /// <param name="systemName">The configured system, for the hub's metrics (its 429 answers).</param>
    public static HttpClient Create(
        string systemName,
        Uri baseAddress,
        SystemHttpOptions options,
        TimeProvider time,
        SystemCircuit circuit,
        IEnumerable<DelegatingHandler> handlers,
        HttpMessageHandler? primary = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(handlers);
        var pipeline = BuildPipeline(options, time, circuit);

#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        HttpMessageHandler inner = new ThrottleCounter(systemName, time)
        {
            InnerHandler = primary ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
#pragma warning restore CA2000
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

#pragma warning disable CA2000 // The HttpClient owns and disposes the handler chain.
        var resilience = new ResilienceHandler(pipeline) { InnerHandler = inner };
        return new HttpClient(resilience, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
#pragma warning restore CA2000
    }

    internal static ResiliencePipeline<HttpResponseMessage> BuildPipeline(SystemHttpOptions options, TimeProvider time, SystemCircuit circuit)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.MaxRetries),
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
        };
        var handlesTransient = retry.ShouldHandle;
        retry.ShouldHandle = async args =>
        {
            if (args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(SingleAttempt, out var single) && single)
            {
                return false; // not safe to repeat: the caller decides after a lookup
            }

            if (args.Outcome.Result is { } response && RetryAfterHeader.Read(response, time) is { } wait && wait > options.MaxInlineRetryAfter)
            {
                return false; // too long to wait in the call: hand back to the outbox, which reschedules
            }

            return await handlesTransient(args).ConfigureAwait(false);
        };

        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitFailureRatio,
            SamplingDuration = options.CircuitSamplingDuration,
            MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
            BreakDuration = options.CircuitBreakDuration,
            StateProvider = circuit.StateProvider,
        };
        var breakerHandles = breaker.ShouldHandle;
        breaker.ShouldHandle = args =>
            args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                ? ValueTask.FromResult(false) // throttling is not an outage
                : breakerHandles(args);

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(retry); // Polly refuses zero attempts: MaxRetries = 0 means no retry strategy at all
        }

        return builder
            .AddCircuitBreaker(breaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}

/// <summary>The circuit breaker of one system, readable by health checks.</summary>
public sealed class SystemCircuit
{
    public CircuitBreakerStateProvider StateProvider { get; } = new();

    public string State => StateProvider.CircuitState.ToString();

    public bool IsOpen => StateProvider.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
