using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Hub.Adapters.Email.Options;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Looks for the copy of one mail in the hub's own mailbox by its Message-ID: in the folder mail arrives in, then in
/// the folder the reply reader moves copies to (in that order, so a copy moved in between is still seen), again and
/// again until <see cref="EmailOptions.SentCopyWait"/> has passed, because delivery takes a moment.
/// </summary>
internal sealed class SentCopySearch(ImapClient client, EmailOptions options, TimeProvider time)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public async Task<bool> WaitForAsync(string messageId, CancellationToken cancellationToken)
    {
        var arrival = await ImapFolders.GetOrCreateAsync(client, options.Imap.Folder, cancellationToken);
        var copies = await ImapFolders.GetOrCreateAsync(client, options.SentCopyFolder, cancellationToken);
        var query = SearchQuery.HeaderContains("Message-ID", messageId);
        var deadline = time.GetUtcNow() + options.SentCopyWait;
        while (true)
        {
            if (await HoldsAsync(arrival, query, cancellationToken) || await HoldsAsync(copies, query, cancellationToken))
            {
                return true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(Pause, time, cancellationToken);
        }
    }

    private static async Task<bool> HoldsAsync(IMailFolder folder, SearchQuery query, CancellationToken cancellationToken)
    {
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        try
        {
            return (await folder.SearchAsync(query, cancellationToken)).Count > 0;
        }
        finally
        {
            await folder.CloseAsync(expunge: false, cancellationToken);
        }
    }
}
