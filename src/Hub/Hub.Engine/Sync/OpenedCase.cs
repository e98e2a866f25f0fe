using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>What opening a case came to, and the link of the record it was opened from (null when no route took it).</summary>
public sealed record OpenedCase(IntakeResult Result, LinkRecord? Origin);
