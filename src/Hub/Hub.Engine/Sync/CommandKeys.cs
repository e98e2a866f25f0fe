using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>
/// The idempotency key of an outbox command, "&lt;case id&gt;/&lt;outbox id&gt;": the row's id is stored with it, so the key
/// is the same on every attempt, after a restart and after a dead-letter replay (which reuses the row).
/// </summary>
public static class CommandKeys
{
    public static string Of(OutboxCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{command.CaseId}/{command.Id}");
    }
}
