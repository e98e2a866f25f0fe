using MimeKit;

namespace Hub.Adapters.Email.Transport;

/// <summary>Turns every failure of an inbox session into an <see cref="Hub.Abstractions.Adapters.AdapterException"/>, except unreadable mail.</summary>
internal sealed class GuardedInboxSession(IInboxSession inner, string systemName, string serverName) : IInboxSession
{
    public Task<InboxListing> ListAsync(string? watermark, int max, CancellationToken cancellationToken) =>
        MailFailure.GuardAsync(systemName, serverName, () => inner.ListAsync(watermark, max, cancellationToken), cancellationToken);

    public async Task<MimeMessage> LoadAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.LoadAsync(item, cancellationToken);
        }
        catch (FormatException)
        {
            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw MailFailure.From(systemName, serverName, error);
        }
    }

    public Task QuarantineAsync(InboxItem item, CancellationToken cancellationToken) =>
        MailFailure.GuardAsync(systemName, serverName, async () =>
        {
            await inner.QuarantineAsync(item, cancellationToken);
            return true;
        }, cancellationToken);

    public Task FileSentCopyAsync(InboxItem item, CancellationToken cancellationToken) =>
        MailFailure.GuardAsync(systemName, serverName, async () =>
        {
            await inner.FileSentCopyAsync(item, cancellationToken);
            return true;
        }, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
