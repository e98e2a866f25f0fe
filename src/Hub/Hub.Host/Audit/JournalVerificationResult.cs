using Hub.Engine.Journal;

namespace Hub.Host.Audit;

/// <summary>
/// The outcome of one scheduled verification: the verdict, or why it could not run. An intact run carries the head it
/// verified, and why that head could not be kept, if it could not.
/// </summary>
internal sealed record JournalVerificationResult(DateTimeOffset CheckedAt, JournalVerification? Verdict, string? Failure)
{
    public VerifiedHead? Head { get; init; }

    public string? KeepFailure { get; init; }
}
