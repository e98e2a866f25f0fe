using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// One look into the hub's mailbox. <see cref="ListAsync"/> first moves the mail that the given watermark
/// confirms as handled to the processed folder, then lists what is new after it.
/// </summary>
internal interface IInboxSession : IAsyncDisposable
{
    Task<InboxListing> ListAsync(string? watermark, int max, CancellationToken cancellationToken);

    /// <summary>Loads and parses one mail; throws <see cref="FormatException"/> when it is not readable MIME.</summary>
    Task<MimeMessage> LoadAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>Moves one mail to the quarantine folder at once.</summary>
    Task QuarantineAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>Moves the copy of a mail the hub itself sent out of the way at once (it is evidence, not a reply).</summary>
    Task FileSentCopyAsync(InboxItem item, CancellationToken cancellationToken);
}

/// <summary>A mail waiting in the hub's mailbox: its id in the mailbox (IMAP UID, file name) and its size.</summary>
internal sealed record InboxItem(string Id, long Size);

/// <summary>The mail after the watermark (oldest first), the watermark that covers it, and whether more waits.</summary>
internal sealed record InboxListing(IReadOnlyList<InboxItem> Items, string NextWatermark, bool HasMore);
