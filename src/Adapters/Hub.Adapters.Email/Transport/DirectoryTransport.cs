using Hub.Adapters.Email.Options;
using Hub.Abstractions.Adapters;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Mail as .eml files: work orders are written to the outbox folder (under a temporary name, then renamed, so a
/// reader never sees half a file), replies are read from the inbox folder and moved to the processed or
/// quarantine folder. The folders must exist: a missing folder is a share that is not there, which may come back.
/// </summary>
internal sealed class DirectoryTransport(string systemName, DirectoryTransportOptions folders, TimeProvider time) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken)
    {
        var name = MailFileName.For(message.MessageId);
        var temporary = Path.Combine(folders.Outbox, name + ".tmp");
        await handingOver(cancellationToken);
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(folders.Outbox, name), overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw AdapterException.Transient(systemName, $"The outbox folder {folders.Outbox} cannot be written: {error.Message}", inner: error);
        }
    }

    /// <summary>
    /// The file under the mail's name is the evidence. Once the program that empties the outbox folder has taken
    /// it, nothing shows the mail went out, and it is written again (at least once).
    /// </summary>
    public Task<SentEvidence> FindSentAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Path.Combine(folders.Outbox, MailFileName.For(messageId))) ? SentEvidence.Found : SentEvidence.NotFound);

    public Task<IInboxSession> OpenInboxAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { folders.Inbox, folders.Processed, folders.Quarantine })
        {
            if (!Directory.Exists(folder))
            {
                throw AdapterException.Transient(systemName, $"The mail folder {folder} does not exist.");
            }
        }

        return Task.FromResult<IInboxSession>(new DirectoryInboxSession(systemName, folders));
    }

    public async Task<bool> WaitForMailAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        using var watcher = new FileSystemWatcher(folders.Inbox, "*.eml");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => arrived.TrySetResult();
        watcher.Renamed += (_, _) => arrived.TrySetResult();
        watcher.EnableRaisingEvents = true;
        var waited = Task.Delay(maxWait, time, cancellationToken);
        return await Task.WhenAny(arrived.Task, waited) == arrived.Task;
    }

    public Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SystemCheck>>(
        [
            .. new[] { ("Outbox", folders.Outbox), ("Inbox", folders.Inbox), ("Processed", folders.Processed), ("Quarantine", folders.Quarantine) }
                .Select(f => Directory.Exists(f.Item2)
                    ? SystemCheck.Pass($"folder Directory:{f.Item1}", $"'{f.Item2}' exists")
                    : SystemCheck.Fail($"folder Directory:{f.Item1}", $"'{f.Item2}' does not exist", $"create it and give the hub's account read and write access to it")),
        ]);

    public Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        var missing = new[] { folders.Outbox, folders.Inbox, folders.Processed, folders.Quarantine }.Where(f => !Directory.Exists(f)).ToList();
        return Task.FromResult(missing.Count == 0 ? null : $"Mail folders missing: {string.Join(", ", missing)}");
    }
}
