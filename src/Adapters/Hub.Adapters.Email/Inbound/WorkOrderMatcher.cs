using Hub.Adapters.Email.WorkOrders;
using MimeKit;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// Finds the work order a reply answers: first by In-Reply-To and References against the Message-IDs the hub
/// sent, then by the order token in the subject. A failure of the hub's own state while looking is a
/// <see cref="HubStateUnavailableException"/>, never taken for the mail's own fault.
/// </summary>
internal sealed class WorkOrderMatcher(WorkOrderStore store, string systemName)
{
    public Task<WorkOrder?> FindAsync(MimeMessage reply, CancellationToken cancellationToken) =>
        FromHubStateAsync(() => FindInStateAsync(reply, cancellationToken), cancellationToken);

    /// <summary>The copy of a mail this hub sent: it carries the hub's work-order header and a Message-ID the hub made.</summary>
    public Task<bool> IsSentByThisHubAsync(MimeMessage mail, CancellationToken cancellationToken) =>
        FromHubStateAsync(async () =>
            mail.Headers.Contains(WorkOrderMail.WorkOrderHeader)
            && !string.IsNullOrEmpty(mail.MessageId)
            && await store.FindTokenByMessageIdAsync(mail.MessageId, cancellationToken) is not null, cancellationToken);

    private async Task<T> FromHubStateAsync<T>(Func<Task<T>> look, CancellationToken cancellationToken)
    {
        try
        {
            return await look();
        }
        catch (Exception failure) when (!(failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
                                        && failure is not (OutOfMemoryException or System.Text.Json.JsonException))
        {
            throw new HubStateUnavailableException(systemName, failure);
        }
    }

    private async Task<WorkOrder?> FindInStateAsync(MimeMessage reply, CancellationToken cancellationToken)
    {
        var referenced = new List<string>();
        if (!string.IsNullOrEmpty(reply.InReplyTo))
        {
            referenced.Add(reply.InReplyTo);
        }

        referenced.AddRange(reply.References.Reverse());
        foreach (var messageId in referenced.Distinct(StringComparer.Ordinal))
        {
            var token = await store.FindTokenByMessageIdAsync(messageId, cancellationToken);
            if (token is not null && await store.GetAsync(token, cancellationToken) is { } order)
            {
                return order;
            }
        }

        var inSubject = WorkOrderToken.FindIn(reply.Subject);
        return inSubject is null ? null : await store.GetAsync(inSubject, cancellationToken);
    }

}
