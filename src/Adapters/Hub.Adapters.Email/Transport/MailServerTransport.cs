using Hub.Abstractions.Telemetry;
using Hub.Adapters.Email.Options;
using Hub.Abstractions.Adapters;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>Work orders out through SMTP, replies in through IMAP (IDLE where offered, otherwise the host polls).</summary>
internal sealed class MailServerTransport(string systemName, EmailOptions options, MailSignIn signIn, TimeProvider time, string keyPrefix) : IMailTransport
{
    private SmtpOutbox Outbox => new(systemName, options.Smtp, signIn, options.SentCopyAddress);
    private string ImapName => $"IMAP server {options.Imap.Host}:{options.Imap.Port}";

    /// <summary>The reply folder's UIDVALIDITY and next UID when the last wait began; one wait at a time uses it.</summary>
    private (uint Validity, uint? NextUid)? nextUidAtLastWait;

    public Task SendAsync(MimeMessage message, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken) =>
        Outbox.SendAsync(message, handingOver, cancellationToken);

    public async Task<SentEvidence> FindSentAsync(string messageId, CancellationToken cancellationToken)
    {
        if (options.SentCopyAddress is null)
        {
            return SentEvidence.NoEvidence;
        }

        return await MailSpan.TraceAsync(HubSpans.ImapFindSent, systemName, "imap", options.Imap, () => MailFailure.GuardAsync(systemName, ImapName, async () =>
        {
            using var client = new ImapClient();
            await signIn.ConnectAsync(client, options.Imap, cancellationToken);
            var found = await new SentCopySearch(client, options, time).WaitForAsync(messageId, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return found ? SentEvidence.Found : SentEvidence.NotFound;
        }, cancellationToken));
    }

    public Task<IInboxSession> OpenInboxAsync(CancellationToken cancellationToken) =>
        MailSpan.TraceAsync(HubSpans.ImapOpen, systemName, "imap", options.Imap, () => MailFailure.GuardAsync<IInboxSession>(systemName, ImapName, async () =>
        {
            var client = new ImapClient();
            try
            {
                await signIn.ConnectAsync(client, options.Imap, cancellationToken);
                var folder = await ImapFolders.GetOrCreateAsync(client, options.Imap.Folder, cancellationToken);
                var processed = await ImapFolders.GetOrCreateAsync(client, options.ProcessedFolder, cancellationToken);
                var quarantine = await ImapFolders.GetOrCreateAsync(client, options.QuarantineFolder, cancellationToken);
                var sentCopies = await ImapFolders.GetOrCreateAsync(client, options.SentCopyFolder, cancellationToken);
                await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
                return new GuardedInboxSession(new ImapInboxSession(client, folder, processed, quarantine, sentCopies), systemName, ImapName);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }, cancellationToken));

    /// <summary>
    /// IMAP IDLE on the reply folder until mail arrives there. Mail that arrived since the last wait began (while the
    /// host was polling, between two waits) ends the wait at once: the folder's next UID has moved on since then.
    /// </summary>
    public Task<bool> WaitForMailAsync(TimeSpan maxWait, CancellationToken cancellationToken) =>
        MailFailure.GuardAsync(systemName, ImapName, async () =>
        {
            using var client = new ImapClient();
            await signIn.ConnectAsync(client, options.Imap, cancellationToken);
            if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
                await Task.Delay(maxWait, time, cancellationToken);
                return false;
            }

            var folder = await ImapFolders.GetOrCreateAsync(client, options.Imap.Folder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            var next = (folder.UidValidity, folder.UidNext?.Id);
            var arrivedBetween = nextUidAtLastWait is { } before && before != next;
            nextUidAtLastWait = next;
            var arrived = arrivedBetween || await IdleUntilMailAsync(client, folder, Min(maxWait, options.IdleTimeout), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return arrived;
        }, cancellationToken);

    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        var smtpProblem = await Outbox.FindProblemAsync(cancellationToken);
        try
        {
            await using var session = await OpenInboxAsync(cancellationToken);
        }
        catch (AdapterException error)
        {
            return smtpProblem is null ? error.Message : $"{smtpProblem} {error.Message}";
        }

        return smtpProblem;
    }

    public Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) =>
        new MailboxReadiness(systemName, options, signIn, keyPrefix).CheckAsync(Outbox, cancellationToken);

    /// <summary>
    /// Idles until the folder holds more mail than it did a moment before. The count is followed through expunges (the
    /// hub's own poll moves read mail out on another connection), so an arrival after them is not taken for old mail.
    /// </summary>
    private async Task<bool> IdleUntilMailAsync(ImapClient client, IMailFolder folder, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var known = folder.Count;
        using var done = new CancellationTokenSource(maxWait, time);
        var arrived = false;
        void OnCountChanged(object? sender, EventArgs e)
        {
            if (folder.Count > known)
            {
                arrived = true;
                done.Cancel();
            }

            known = folder.Count;
        }

        void OnExpunged(object? sender, EventArgs e) => known = folder.Count;

        folder.CountChanged += OnCountChanged;
        folder.MessageExpunged += OnExpunged;
        folder.MessagesVanished += OnExpunged;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
            folder.MessageExpunged -= OnExpunged;
            folder.MessagesVanished -= OnExpunged;
        }

        return arrived;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
