using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Ignored;

/// <summary>
/// A mail that changed no case, with the reason, for the journal. <see cref="Quarantined"/> says whether it was
/// moved to the quarantine folder (for an admin to look at) rather than the processed folder.
/// </summary>
internal sealed record IgnoredMail(
    string SystemName,
    IgnoredMailReason Reason,
    bool Quarantined,
    string Detail,
    string? MessageId,
    string? From,
    string? Subject,
    string? WorkOrderToken,
    DateTimeOffset At)
{
    /// <summary>As the journal keeps it: the reason as its kind, the work order (else the Message-ID) as its record.</summary>
    public IgnoredRecord ForJournal() =>
        new(SystemName, Reason.ToString(), Quarantined, WorkOrderToken, MessageId, $"from {From}: \"{Subject}\" — {Detail}", At);
}
