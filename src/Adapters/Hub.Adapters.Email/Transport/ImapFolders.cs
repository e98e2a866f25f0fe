using MailKit;
using MailKit.Net.Imap;

namespace Hub.Adapters.Email.Transport;

/// <summary>Finds a folder by its configured path ("Hub/Processed") under the personal namespace, creating missing parts or not.</summary>
internal static class ImapFolders
{
    public static async Task<IMailFolder> GetOrCreateAsync(ImapClient client, string path, CancellationToken cancellationToken) =>
        (await WalkAsync(client, path, create: true, cancellationToken))!;

    /// <summary>The folder, or null when it (or a folder above it) does not exist; creates nothing.</summary>
    public static Task<IMailFolder?> FindAsync(ImapClient client, string path, CancellationToken cancellationToken) =>
        WalkAsync(client, path, create: false, cancellationToken);

    private static async Task<IMailFolder?> WalkAsync(ImapClient client, string path, bool create, CancellationToken cancellationToken)
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
            catch (FolderNotFoundException) when (!create)
            {
                return null;
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
