using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// One signed-in IMAP connection with the reply folder open read-write. Mail is read by UID after the
/// watermark; mail the watermark confirms is moved (never deleted) to the processed folder, copies of the hub's own
/// mail to the sent-copy folder at once.
/// </summary>
internal sealed class ImapInboxSession(ImapClient client, IMailFolder folder, IMailFolder processed, IMailFolder quarantine, IMailFolder sentCopies) : IInboxSession
{
    public async Task<InboxListing> ListAsync(string? watermark, int max, CancellationToken cancellationToken)
    {
        var validity = folder.UidValidity;
        var confirmed = ImapWatermark.Parse(watermark);
        var lastUid = 0u;
        if (confirmed is not null && confirmed.UidValidity == validity)
        {
            lastUid = confirmed.LastUid;
            await MoveHandledAsync(lastUid, cancellationToken);
        }

        var newer = (await folder.SearchAsync(SearchQuery.All, cancellationToken))
            .Where(uid => uid.Id > lastUid)
            .OrderBy(uid => uid.Id)
            .ToList();
        var taken = newer.Take(max).ToList();
        var items = new List<InboxItem>();
        if (taken.Count > 0)
        {
            var summaries = await folder.FetchAsync(taken, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken);
            items.AddRange(summaries
                .OrderBy(s => s.UniqueId.Id)
                .Select(s => new InboxItem(s.UniqueId.Id.ToString(CultureInfo.InvariantCulture), s.Size ?? 0)));
            lastUid = taken[^1].Id;
        }

        return new InboxListing(items, new ImapWatermark(validity, lastUid).ToString(), newer.Count > taken.Count);
    }

    public async Task<MimeMessage> LoadAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await folder.GetMessageAsync(UidOf(item), cancellationToken);
        }
        catch (ParseException error)
        {
            throw new FormatException($"not readable as MIME: {error.Message}", error);
        }
    }

    public Task QuarantineAsync(InboxItem item, CancellationToken cancellationToken) =>
        folder.MoveToAsync(UidOf(item), quarantine, cancellationToken);

    public Task FileSentCopyAsync(InboxItem item, CancellationToken cancellationToken) =>
        folder.MoveToAsync(UidOf(item), sentCopies, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }

        client.Dispose();
    }

    private async Task MoveHandledAsync(uint lastUid, CancellationToken cancellationToken)
    {
        if (lastUid == 0)
        {
            return;
        }

        var handled = (await folder.SearchAsync(SearchQuery.All, cancellationToken)).Where(uid => uid.Id <= lastUid).ToList();
        if (handled.Count > 0)
        {
            await folder.MoveToAsync(handled, processed, cancellationToken);
        }
    }

    private static UniqueId UidOf(InboxItem item) => new(uint.Parse(item.Id, CultureInfo.InvariantCulture));
}
