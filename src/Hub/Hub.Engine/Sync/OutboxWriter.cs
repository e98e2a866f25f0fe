using Hub.Engine.Telemetry;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Adds intents to the outbox inside the caller's unit of work.</summary>
public static class OutboxWriter
{
    public static void Queue(HubDbContext db, OutboxIntent intent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intent);
        db.Outbox.Add(new OutboxCommand
        {
            CaseId = intent.CaseId,
            TargetSystem = intent.Target,
            Operation = intent is CreateIntent ? OutboxOperation.Create : OutboxOperation.Apply,
            Kind = intent.KindOfChange().ToString(),
            Payload = OutboxPayload.Of(intent),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = TraceParent.Current(),
        });
    }
}
