using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// The hottest untracked reads of a complaint's path, each one plain parameterised command (<see cref="PlainRead"/>):
/// the journal's head, whether a record is linked or in the inbox, whether a milestone was journaled, a case and its
/// records, an adapter state value.
/// Same SQL on SQLite and PostgreSQL; tables and columns named by the model (a renamed column renames the read too),
/// values bound by the properties' own type mappings. Built once per model, as <see cref="HubQueries"/>, whose compiled
/// queries these were: the same rows, answers and transaction, without EF Core's per-execution cost
/// (docs/performance/lean-reads.md).
/// </summary>
internal sealed class LeanReads
{
    private static readonly ConditionalWeakTable<IModel, LeanReads> PerModel = new();

    private readonly string journalHead;
    private readonly string linkExists;
    private readonly string inboxHas;
    private readonly string milestoneJournaled;
    private readonly string milestoneJournaledByText;
    private readonly string caseLinks;
    private readonly string caseById;
    private readonly string adapterStateValue;
    private readonly RowRead links;
    private readonly RowRead cases;
    private readonly Column caseId;
    private readonly Column stateSystem, stateKey;
    private readonly Column linkSystem, linkExternalId, linkCaseId;
    private readonly Column inboxSystem, inboxExternalId, inboxVersion;
    private readonly Column journalCaseId, journalKind, journalDetail, journalSource, journalAfter;

    private LeanReads(IModel model, ISqlGenerationHelper names)
    {
        var journal = model.FindEntityType(typeof(JournalEntry))!;
        var link = model.FindEntityType(typeof(LinkRecord))!;
        var inbox = model.FindEntityType(typeof(InboxEntry))!;
        var state = model.FindEntityType(typeof(AdapterStateEntry))!;
        Column Of(IEntityType type, string property) => new(type.FindProperty(property)!, names);
        string TableOf(IEntityType type) => names.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

        var sequence = Of(journal, nameof(JournalEntry.Sequence));
        journalHead = $"SELECT {sequence.Name}, {Of(journal, nameof(JournalEntry.Hash)).Name} FROM {TableOf(journal)} ORDER BY {sequence.Name} DESC LIMIT 1";

        (linkSystem, linkExternalId, linkCaseId) = (Of(link, nameof(LinkRecord.SystemName)), Of(link, nameof(LinkRecord.ExternalId)), Of(link, nameof(LinkRecord.CaseId)));
        linkExists = $"SELECT EXISTS (SELECT 1 FROM {TableOf(link)} WHERE {linkSystem.Name} = @p0 AND {linkExternalId.Name} = @p1)";

        (inboxSystem, inboxExternalId, inboxVersion) = (Of(inbox, nameof(InboxEntry.SystemName)), Of(inbox, nameof(InboxEntry.ExternalId)), Of(inbox, nameof(InboxEntry.Version)));
        inboxHas = $"SELECT EXISTS (SELECT 1 FROM {TableOf(inbox)} WHERE {inboxSystem.Name} = @p0 AND {inboxExternalId.Name} = @p1 AND {inboxVersion.Name} = @p2)";

        (journalCaseId, journalKind, journalDetail, journalSource, journalAfter) = (Of(journal, nameof(JournalEntry.CaseId)), Of(journal, nameof(JournalEntry.Kind)),
            Of(journal, nameof(JournalEntry.Detail)), Of(journal, nameof(JournalEntry.SourceSystem)), Of(journal, nameof(JournalEntry.After)));
        milestoneJournaled = $"SELECT EXISTS (SELECT 1 FROM {TableOf(journal)} WHERE {journalCaseId.Name} = @p0 AND {journalKind.Name} = @p1 AND {journalDetail.Name} = @p2 AND {journalSource.Name} = @p3)";
        milestoneJournaledByText = milestoneJournaled[..^1] + $" AND {journalAfter.Name} = @p4)";

        links = RowRead.Of(link, names);
        caseLinks = $"SELECT {links.Columns} FROM {links.Table} WHERE {linkCaseId.Name} = @p0 ORDER BY {Of(link, nameof(LinkRecord.Id)).Name}";

        var @case = model.FindEntityType(typeof(CaseRecord))!;
        cases = RowRead.Of(@case, names);
        caseId = Of(@case, nameof(CaseRecord.Id));
        caseById = $"SELECT {cases.Columns} FROM {cases.Table} WHERE {caseId.Name} = @p0 LIMIT 1";

        (stateSystem, stateKey) = (Of(state, nameof(AdapterStateEntry.SystemName)), Of(state, nameof(AdapterStateEntry.Key)));
        adapterStateValue = $"SELECT {Of(state, nameof(AdapterStateEntry.Value)).Name} FROM {TableOf(state)} WHERE {stateSystem.Name} = @p0 AND {stateKey.Name} = @p1 LIMIT 1";
    }

    /// <summary>The reads for this context's model (one set per provider).</summary>
    public static LeanReads Of(HubDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PerModel.GetValue(db.Model, model => new LeanReads(model, db.GetService<ISqlGenerationHelper>()));
    }

    /// <summary>The journal's last entry (sequence and hash), or none; the caller holds the journal's write lock.</summary>
    public Task<JournalHead?> JournalHeadAsync(HubDbContext db, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, journalHead, _ => { }, async (reader, ct) =>
            await reader.ReadAsync(ct).ConfigureAwait(false) ? new JournalHead(reader.GetInt64(0), reader.GetString(1)) : null, cancellationToken);

    /// <summary>Whether one record of one system is linked (to any case).</summary>
    public Task<bool> LinkExistsAsync(HubDbContext db, string system, string externalId, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, linkExists, c =>
        {
            linkSystem.Bind(c, "@p0", system);
            linkExternalId.Bind(c, "@p1", externalId);
        }, PlainRead.ExistsAsync, cancellationToken);

    /// <summary>Whether the inbox has this version of this record (a repeat).</summary>
    public Task<bool> InboxHasAsync(HubDbContext db, string system, string externalId, string version, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, inboxHas, c =>
        {
            inboxSystem.Bind(c, "@p0", system);
            inboxExternalId.Bind(c, "@p1", externalId);
            inboxVersion.Bind(c, "@p2", version);
        }, PlainRead.ExistsAsync, cancellationToken);

    /// <summary>Whether the journal holds a milestone of a case for a party (with <paramref name="text"/>: with this very sentence).</summary>
    public Task<bool> MilestoneJournaledAsync(HubDbContext db, string caseId, string milestone, string party, string? text, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, text is null ? milestoneJournaled : milestoneJournaledByText, c =>
        {
            journalCaseId.Bind(c, "@p0", caseId);
            journalKind.Bind(c, "@p1", Sync.HubEvent.Milestone);
            journalDetail.Bind(c, "@p2", milestone);
            journalSource.Bind(c, "@p3", party);
            if (text is not null)
            {
                journalAfter.Bind(c, "@p4", text);
            }
        }, PlainRead.ExistsAsync, cancellationToken);

    /// <summary>A case's records, oldest first, untracked.</summary>
    public Task<List<LinkRecord>> CaseLinksAsync(HubDbContext db, string caseId, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, caseLinks, c => linkCaseId.Bind(c, "@p0", caseId), async (reader, ct) =>
        {
            var found = new List<LinkRecord>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add(links.Read<LinkRecord>(reader));
            }

            return found;
        }, cancellationToken);

    /// <summary>A case, untracked, or none.</summary>
    public Task<CaseRecord?> CaseAsync(HubDbContext db, string id, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, caseById, c => caseId.Bind(c, "@p0", id), async (reader, ct) =>
            await reader.ReadAsync(ct).ConfigureAwait(false) ? cases.Read<CaseRecord>(reader) : null, cancellationToken);

    /// <summary>One adapter state value, or none.</summary>
    public Task<string?> AdapterStateValueAsync(HubDbContext db, string system, string key, CancellationToken cancellationToken) =>
        PlainRead.RunAsync(db, adapterStateValue, c =>
        {
            stateSystem.Bind(c, "@p0", system);
            stateKey.Bind(c, "@p1", key);
        }, async (reader, ct) => await reader.ReadAsync(ct).ConfigureAwait(false) && !reader.IsDBNull(0) ? reader.GetString(0) : null, cancellationToken);

    /// <summary>One column a read binds a value to: its delimited name and the property's own type mapping.</summary>
    private sealed class Column(IProperty property, ISqlGenerationHelper names)
    {
        private readonly RelationalTypeMapping mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        public string Name { get; } = names.DelimitIdentifier(property.GetColumnName());

        public void Bind(DbCommand command, string parameter, object? value) =>
            command.Parameters.Add(mapping.CreateParameter(command, parameter, value, property.IsNullable));
    }
}
