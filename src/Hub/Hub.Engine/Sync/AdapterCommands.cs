using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// Turns an intent into the adapter's command, with what only the sender knows: the outbox row's key and queue time,
/// the target's record (for a change), and the case's records and whole case where the intent asks for them.
/// </summary>
internal static class AdapterCommands
{
    public static CreateRecordCommand Create(CreateIntent intent, OutboxCommand row, IReadOnlyList<CaseLink> records) => new()
    {
        CaseId = intent.CaseId,
        CorrelationKey = intent.CorrelationKey,
        Fields = intent.Fields,
        TargetValues = intent.TargetValues,
        Parameters = intent.Parameters,
        UpstreamRecords = records,
        CommandKey = CommandKeys.Of(row),
    };

    public static ApplyChangeCommand Change(ChangeIntent intent, OutboxCommand row, LinkRecord target, WholeCase? whole) => new()
    {
        CaseId = intent.CaseId,
        ExternalId = target.ExternalId,
        Kind = intent.Kind,
        Fields = intent.Fields,
        TargetValues = intent.TargetValues,
        Comment = intent.Comment,
        Parameters = intent.Parameters,
        CommandKey = CommandKeys.Of(row),
        QueuedAt = row.CreatedAt,
        WholeCase = whole?.Fields,
        UpstreamRecords = whole?.RecordsBefore ?? [],
    };
}
