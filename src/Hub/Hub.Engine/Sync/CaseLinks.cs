using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Engine.Journal;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// The one writer of a case's links and of their memory of the record (<see cref="RecordMemory"/>, kept in
/// <see cref="LinkRecord.LastWrittenFingerprint"/>). A link is made for the origin's record when a case opens, for a
/// record found by its correlation key (created before a restart), and for a record the dispatcher created; its memory
/// learns each reading of the record and each field the hub is about to write to it.
/// </summary>
public static class CaseLinks
{
    /// <summary>The link of the record a case was opened from, remembering that first reading.</summary>
    public static LinkRecord Origin(HubDbContext db, string caseId, string system, ObservedChange change, MappingSet map, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var link = New(caseId, system, new RecordReference(change.ExternalId, change.ExternalNumber), map, now, upstream: null);
        if (RecordView.Of(change) is { Count: > 0 } view)
        {
            Read(link, view, showsHubWrite: false, change.OccurredAt);
        }

        db.Links.Add(link);
        return link;
    }

    /// <summary>The link of a record the hub created for the case before a restart and found again by its correlation key.</summary>
    public static async Task<LinkRecord> RecoveredAsync(HubDbContext db, HubJournal journal, string caseId, string system, ObservedChange change, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(map);
        var link = New(caseId, system, new RecordReference(change.ExternalId, change.ExternalNumber), map, now, upstream: null);
        db.Links.Add(link);
        await journal.AppendAsync(db, new JournalLine
        {
            CaseId = caseId, Kind = HubEvent.LinkCreated, Outcome = JournalOutcome.Applied,
            TargetSystem = system, TargetRecord = change.ExternalNumber ?? change.ExternalId, MappingVersion = map.Version,
            Detail = "record found by its correlation key (created before a restart)",
        }, cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <summary>
    /// Links a record the target just created for the case (below the system its route comes from), unless it is linked
    /// already: another unit of work may have linked it since the send (the target's poll finding it by its correlation
    /// key), so this looks inside the caller's transaction, under the journal's write lock.
    /// </summary>
    public static async Task CreatedAsync(HubDbContext db, string caseId, string system, RecordReference record, MappingSet map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(map);
        if (await LeanReads.Of(db).LinkExistsAsync(db, system, record.ExternalId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var upstream = map.RoutesTo(system).Select(r => r.From).FirstOrDefault();
        db.Links.Add(New(caseId, system, record, map, now, upstream));
    }

    /// <summary>What the hub knows of the linked record.</summary>
    public static RecordMemory MemoryOf(LinkRecord link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return RecordMemory.Parse(link.LastWrittenFingerprint);
    }

    /// <summary>Remembers a reading of the linked record (<see cref="RecordMemory.Read"/>).</summary>
    public static void Read(LinkRecord link, IReadOnlyDictionary<string, string> view, bool showsHubWrite, DateTimeOffset modifiedAt) =>
        Change(link, memory => memory.Read(view, showsHubWrite, modifiedAt));

    /// <summary>Before the hub writes: these fields will show the hub's value when it reads the record back (<see cref="RecordMemory.Writes"/>).</summary>
    public static void Writes(LinkRecord link, IReadOnlyDictionary<string, string?> fields, DateTimeOffset notedAt) =>
        Change(link, memory => memory.Writes(fields, notedAt));

    private static void Change(LinkRecord link, Action<RecordMemory> change)
    {
        var memory = MemoryOf(link);
        change(memory);
        link.LastWrittenFingerprint = memory.ToJson();
    }

    private static LinkRecord New(string caseId, string system, RecordReference record, MappingSet map, DateTimeOffset now, string? upstream)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new LinkRecord
        {
            CaseId = caseId,
            SystemName = system,
            ExternalId = record.ExternalId,
            ExternalNumber = record.ExternalNumber,
            Role = map.Systems.TryGetValue(system, out var declared) ? declared.Role : system,
            UpstreamSystem = upstream,
            CreatedAt = now,
        };
    }
}
