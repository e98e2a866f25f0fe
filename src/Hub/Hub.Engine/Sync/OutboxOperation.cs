namespace Hub.Engine.Sync;

/// <summary>What an outbox command asks of its target.</summary>
public static class OutboxOperation
{
    public const string Create = "Create";
    public const string Apply = "Apply";
}
