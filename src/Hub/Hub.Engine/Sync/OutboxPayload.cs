using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// An outbox row's payload: an <see cref="OutboxIntent"/>. A row an older hub queued (pending, or a dead letter an admin
/// replays after the upgrade) holds the adapter command itself, a serialized <see cref="CreateRecordCommand"/> or
/// <see cref="ApplyChangeCommand"/> with an empty external id; it is read as the intent it meant.
/// </summary>
public static class OutboxPayload
{
    private const string Discriminator = "intent";

    public static string Of(OutboxIntent intent) => SyncJson.Serialize(intent);

    /// <summary>How every intent this hub writes begins: the discriminator first (System.Text.Json writes it so), no layout.</summary>
    private const string AsWritten = "{\"" + Discriminator + "\":";

    public static OutboxIntent Read(OutboxCommand row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Payload.StartsWith(AsWritten, StringComparison.Ordinal))
        {
            // Read once, straight into the intent: the same reader and options as from the parsed document below, without
            // parsing the payload into a document first only to find the discriminator it starts with.
            return JsonSerializer.Deserialize<OutboxIntent>(row.Payload, SyncJson.Options) ?? throw new JsonException($"Outbox row {row.Id} holds no intent.");
        }

        // Laid out otherwise, or an older hub's command (no discriminator): look before reading.
        using var payload = JsonDocument.Parse(row.Payload);
        var root = payload.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Discriminator, out _))
        {
            return root.Deserialize<OutboxIntent>(SyncJson.Options) ?? throw new JsonException($"Outbox row {row.Id} holds no intent.");
        }

        return row.Operation == OutboxOperation.Create ? FromCreateCommand(row, root) : FromChangeCommand(row, root);
    }

    private static CreateIntent FromCreateCommand(OutboxCommand row, JsonElement payload)
    {
        var old = payload.Deserialize<CreateRecordCommand>(SyncJson.Options) ?? throw new JsonException($"Outbox row {row.Id} holds no command.");
        return new CreateIntent
        {
            CaseId = old.CaseId,
            Target = row.TargetSystem,
            CorrelationKey = old.CorrelationKey,
            Fields = old.Fields,
            TargetValues = old.TargetValues,
            Parameters = old.Parameters,
        };
    }

    private static ChangeIntent FromChangeCommand(OutboxCommand row, JsonElement payload)
    {
        var old = payload.Deserialize<ApplyChangeCommand>(SyncJson.Options) ?? throw new JsonException($"Outbox row {row.Id} holds no command.");
        return new ChangeIntent
        {
            CaseId = old.CaseId,
            Target = row.TargetSystem,
            Kind = old.Kind,
            Fields = old.Fields,
            TargetValues = old.TargetValues,
            Comment = old.Comment,
            Parameters = old.Parameters,
            WithWholeCase = old.Kind == ChangeKind.FieldsChanged, // what the older hub's dispatcher added to every change of fields
        };
    }
}
