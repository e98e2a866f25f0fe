using System.Text.Json;
using Hub.Adapters.Email.Options;
using Hub.Abstractions.Adapters;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Reads .eml files from the inbox folder, oldest first. The watermark lists the files handed to the engine
/// ("dir:[...]"); the next read moves those to the processed folder, because the engine has stored them by then.
/// </summary>
internal sealed class DirectoryInboxSession(string systemName, DirectoryTransportOptions folders) : IInboxSession
{
    private const string Prefix = "dir:";

    public Task<InboxListing> ListAsync(string? watermark, int max, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var name in HandedOut(watermark))
            {
                var path = Path.Combine(folders.Inbox, name);
                if (File.Exists(path))
                {
                    File.Move(path, MailFileName.FreePath(folders.Processed, name));
                }
            }

            var waiting = new DirectoryInfo(folders.Inbox).GetFiles("*.eml")
                .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var items = waiting.Take(max).Select(f => new InboxItem(f.Name, f.Length)).ToList();
            var next = Prefix + JsonSerializer.Serialize(items.Select(i => i.Id).ToList());
            return Task.FromResult(new InboxListing(items, next, waiting.Count > items.Count));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw AdapterException.Transient(systemName, $"The inbox folder {folders.Inbox} cannot be read: {error.Message}", inner: error);
        }
    }

    public async Task<MimeMessage> LoadAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await MimeMessage.LoadAsync(Path.Combine(folders.Inbox, item.Id), cancellationToken);
        }
        catch (ParseException error)
        {
            throw new FormatException($"not readable as MIME: {error.Message}", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw AdapterException.Transient(systemName, $"The reply {item.Id} cannot be read: {error.Message}", inner: error);
        }
    }

    public Task QuarantineAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folders.Inbox, item.Id);
        if (File.Exists(path))
        {
            File.Move(path, MailFileName.FreePath(folders.Quarantine, item.Id));
        }

        return Task.CompletedTask;
    }

    /// <summary>The folder transport keeps no copies; one that turns up anyway goes with the read mail.</summary>
    public Task FileSentCopyAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folders.Inbox, item.Id);
        if (File.Exists(path))
        {
            File.Move(path, MailFileName.FreePath(folders.Processed, item.Id));
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static List<string> HandedOut(string? watermark)
    {
        if (watermark is null || !watermark.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<string>>(watermark[Prefix.Length..]) ?? [])
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => name.Length > 0)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
