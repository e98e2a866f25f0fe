namespace Hub.Abstractions.Mapping;

/// <summary>
/// How contractors say things in one language: phrases that mean accepted, done, refused or delayed, words that introduce an
/// appointment, and the names of weekdays and months for dates like "dinsdag 24 november tussen 8 en 11".
/// </summary>
public sealed record ReplyPhrases
{
    public required string Language { get; init; }
    public IReadOnlyList<string> Accepted { get; init; } = [];
    public IReadOnlyList<string> Done { get; init; } = [];
    public IReadOnlyList<string> Scheduled { get; init; } = [];

    /// <summary>Phrases that mean the contractor will not take the order ("weigeren", "kunnen wij niet aannemen").</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>Phrases that mean the work is held up ("wachten op onderdelen", "waiting for parts").</summary>
    public IReadOnlyList<string> Delayed { get; init; } = [];
    public IReadOnlyList<string> Weekdays { get; init; } = [];
    public IReadOnlyList<string> Months { get; init; } = [];
}
