namespace Hub.Abstractions.Adapters;

/// <summary>Whether trying again later can help.</summary>
public enum FailureKind
{
    /// <summary>Down, slow, throttled: retry later with backoff (and after Retry-After).</summary>
    Transient,

    /// <summary>Refused for a reason that will not pass by itself: dead-letter it for an admin.</summary>
    Permanent,
}
