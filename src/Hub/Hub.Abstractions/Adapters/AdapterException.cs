namespace Hub.Abstractions.Adapters;

/// <summary>
/// A failure talking to an external system, classified for the engine. The message is written for an
/// admin and never contains a secret.
/// </summary>
public sealed class AdapterException : Exception
{
    public AdapterException(string systemName, FailureKind kind, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        SystemName = systemName;
        Kind = kind;
        RetryAfter = retryAfter;
    }

    public AdapterException()
        : this("unknown", FailureKind.Transient, "The system failed.")
    {
    }

    public AdapterException(string message)
        : this("unknown", FailureKind.Transient, message)
    {
    }

    public AdapterException(string message, Exception innerException)
        : this("unknown", FailureKind.Transient, message, null, innerException)
    {
    }

    public string SystemName { get; }
    public FailureKind Kind { get; }

    /// <summary>How long the system asked us to wait, when it said so (HTTP Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    public static AdapterException Transient(string systemName, string message, TimeSpan? retryAfter = null, Exception? inner = null) =>
        new(systemName, FailureKind.Transient, message, retryAfter, inner);

    public static AdapterException Permanent(string systemName, string message, Exception? inner = null) =>
        new(systemName, FailureKind.Permanent, message, null, inner);
}
