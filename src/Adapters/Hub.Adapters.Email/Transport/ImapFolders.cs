using MailKit;
using MailKit.Net.Imap;

namespace Hub.Adapters.Email.Transport;

/// <summary>Finds a folder by its configured path ("Hub/Processed"), creating the missing parts under the personal namespace.</summary>
internal static class ImapFolders
{
    public static async Task<IMailFolder> GetOrCreateAsync(ImapClient client, string path, CancellationToken cancellationToken)
    {
        if (string.Equals(path, "INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }

        IMailFolder current = client.GetFolder(client.PersonalNamespaces[0])
                              ?? throw new ImapCommandException(ImapCommandResponse.No, "the server has no personal namespace for the hub's folders");
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                current = await current.GetSubfolderAsync(name, cancellationToken);
            }
            catch (FolderNotFoundException)
            {
                current = await current.CreateAsync(name, isMessageFolder: true, cancellationToken)
                          ?? throw new ImapCommandException(ImapCommandResponse.No, $"the folder {path} cannot be created");
            }
        }

        return current;
    }
}
