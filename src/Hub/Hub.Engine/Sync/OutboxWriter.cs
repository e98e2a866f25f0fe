using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Abstractions.Adapters;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Adds commands to the outbox inside the caller's unit of work.</summary>
public static class OutboxWriter
{
    public static void Create(HubDbContext db, CreateRecordCommand command, string targetSystem, DateTimeOffset now) =>
        Add(db, command.CaseId, targetSystem, OutboxOperation.Create, "Created", SyncJson.Serialize(command), now);

    public static void Apply(HubDbContext db, ApplyChangeCommand command, string targetSystem, DateTimeOffset now) =>
        Add(db, command.CaseId, targetSystem, OutboxOperation.Apply, command.Kind.ToString(), SyncJson.Serialize(command), now);

    private static void Add(HubDbContext db, string caseId, string target, string operation, string kind, string payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Outbox.Add(new OutboxCommand
        {
            CaseId = caseId,
            TargetSystem = target,
            Operation = operation,
            Kind = kind,
            Payload = payload,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
