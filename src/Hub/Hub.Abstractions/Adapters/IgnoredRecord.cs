namespace Hub.Abstractions.Adapters;

/// <summary>
/// Something an adapter took in from its system and set aside without changing a case (a mail from a sender who may
/// not speak for the contractor, an automatic reply), for the journal. Unlike an <see cref="UnreadableRecord"/> it is
/// reported when it happens, not in a poll's batch, because the adapter has already moved it out of the way.
/// </summary>
/// <param name="SystemName">The system it came from.</param>
/// <param name="Kind">Why it changed nothing, as the journal's kind (e.g. "UntrustedSender", "AutoReply").</param>
/// <param name="Quarantined">True when it was put aside for an admin to look at; false when it was simply passed over.</param>
/// <param name="ExternalId">The record it names in that system (a work-order token), when known: its case is found by it.</param>
/// <param name="Reference">What else identifies it (a Message-ID), when it names no record.</param>
/// <param name="Detail">What it was and why it changed nothing, written for an admin; never a secret.</param>
/// <param name="At">When the hub set it aside (the hub's clock).</param>
public sealed record IgnoredRecord(
    string SystemName,
    string Kind,
    bool Quarantined,
    string? ExternalId,
    string? Reference,
    string Detail,
    DateTimeOffset At);
