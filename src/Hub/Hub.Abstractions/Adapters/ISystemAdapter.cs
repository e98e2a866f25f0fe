namespace Hub.Abstractions.Adapters;

/// <summary>
/// The contract every adapter implements, once per configured system. One instance talks to one
/// system (one TOPdesk tenant, one Dynamics org, one contractor mailbox).
/// Failures are reported as <see cref="AdapterException"/> so the engine can tell a retry from a
/// dead letter.
/// </summary>
public interface ISystemAdapter
{
    /// <summary>The configured system name, e.g. "servicedesk".</summary>
    string SystemName { get; }

    /// <summary>
    /// Reads one page of what changed since the stored watermark (null: first run). Watermarks are opaque to the
    /// engine. Adapters may overlap (return changes already seen): the engine's inbox drops repeats. When the system
    /// has more, the batch says so (<see cref="ChangeBatch.HasMore"/>) and its watermark says where the next page
    /// starts: the engine stores it and reads again at once, up to its page limit per poll. Paging is the engine's; an
    /// adapter does not loop over pages itself.
    /// </summary>
    Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one record as it is now, in the shape <see cref="ReadChangesAsync"/> gives a record's snapshot, for tools that
    /// show what a record would do (<c>hub mappings test</c>); null when the system has no such record. <paramref name="record"/>
    /// is the system's id or the number people use. Reads only. A system whose records are not cases of their own (a
    /// contractor's mailbox) throws <see cref="NotSupportedException"/> saying so.
    /// </summary>
    Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"system '{SystemName}' cannot read one record on request.");

    /// <summary>
    /// Finds a record this hub created earlier, by the correlation key stored in the target system; null when there is
    /// none. The engine need not call it before <see cref="CreateAsync"/>, which looks the key up itself; it is for
    /// checks and tools that ask whether a case has its record in this system.
    /// </summary>
    Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a record for a case. Idempotent per <see cref="CreateRecordCommand.CorrelationKey"/>: a second call with the
    /// same key (a retry after a lost answer, after a restart, after a replay) returns the record the first one made, so
    /// the caller never looks the key up first. Each adapter finds the earlier record as part of the create, where it
    /// cannot race another write: TOPdesk searches the external number before its one-attempt POST; Dynamics creates
    /// with a create-only upsert on the alternate key and reads the existing case on 412; e-mail finds the work order of
    /// the case for that contractor in its state and sends it only if no mail server took it yet.
    /// </summary>
    Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken);

    /// <summary>Applies one canonical change to an existing record.</summary>
    Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken);

    /// <summary>Tells whether the system answers and accepts our credentials. Never throws for a down peer.</summary>
    Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
