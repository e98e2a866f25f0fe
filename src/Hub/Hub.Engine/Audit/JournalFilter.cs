namespace Hub.Engine.Audit;

/// <summary>
/// Which journal entries to read. Every filter is optional. <see cref="System"/> matches the source or the
/// target system. <see cref="Since"/> is inclusive, <see cref="Until"/> exclusive.
/// </summary>
public sealed record JournalFilter
{
    public string? CaseId { get; init; }
    public string? System { get; init; }
    public string? Kind { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    public static JournalFilter All { get; } = new();
}
