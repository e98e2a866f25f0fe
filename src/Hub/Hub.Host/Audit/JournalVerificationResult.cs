using Hub.Engine.Journal;

namespace Hub.Host.Audit;

/// <summary>The outcome of one scheduled verification: the verdict, or why it could not run.</summary>
internal sealed record JournalVerificationResult(DateTimeOffset CheckedAt, JournalVerification? Verdict, string? Failure);
