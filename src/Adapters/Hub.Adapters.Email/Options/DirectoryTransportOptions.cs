namespace Hub.Adapters.Email.Options;

/// <summary>The folders of the directory transport: work orders are written to Outbox, replies read from Inbox.</summary>
public sealed class DirectoryTransportOptions
{
    public string Outbox { get; set; } = string.Empty;
    public string Inbox { get; set; } = string.Empty;
    public string Processed { get; set; } = string.Empty;
    public string Quarantine { get; set; } = string.Empty;
}
