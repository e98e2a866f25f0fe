namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// A work order the hub mailed to a contractor, as kept in the adapter state: which case it belongs to, who it
/// went to, and the Message-ID it was (or will be) sent with. <see cref="Sent"/> stays false until the SMTP
/// server accepted the mail, so a crash in between re-sends with the same Message-ID
/// unless the copy in the hub's own mailbox shows the server took it (<see cref="HandedOverAt"/>).
/// </summary>
internal sealed record WorkOrder
{
    public required string Token { get; init; }
    public required string CaseId { get; init; }
    public required string CorrelationKey { get; init; }
    public string? ContractorId { get; init; }
    public required string To { get; init; }
    public required string Language { get; init; }
    public required string MessageId { get; init; }
    public required string Subject { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Sent { get; init; }

    /// <summary>When the hub last began handing this mail to the server without learning the outcome (see <see cref="MailAboutOrder"/>).</summary>
    public DateTimeOffset? HandedOverAt { get; init; }
}
