using System.Security.Cryptography;
using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Replies;
using Hub.Adapters.Email.Transport;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// Takes one mail from the hub's mailbox and decides what it is worth. Only a readable reply to a known work
/// order, from a sender of the contractor the order went to, whom the hub's mail server authenticated (when the system
/// requires it), becomes a change. Anything else is quarantined (oversized, malformed, unreadable, unknown order,
/// untrusted or unauthenticated sender) or passed over (auto-reply, empty), and reported.
/// The copy of a mail the hub sent itself (kept as evidence that it went out) is filed away without a word.
/// </summary>
internal sealed class ReplyIntake(
    string systemName,
    long maxMessageBytes,
    WorkOrderMatcher matcher,
    SenderAuthentication authentication,
    IContractorReplyReader reader,
    IMappingProvider mappings,
    IgnoredMailReporter reporter,
    TimeProvider time,
    TimeZoneInfo zone)
{
    /// <summary>
    /// Any failure while reading this one mail, other than the mail server's (an <see cref="AdapterException"/>), the
    /// hub's own state's (a <see cref="HubStateUnavailableException"/>: the mail stays and is read again) or a
    /// cancellation, sets the mail aside with its reason, so the rest of the poll goes on.
    /// </summary>
    public async Task<ObservedChange?> TakeAsync(IInboxSession session, InboxItem item, CancellationToken cancellationToken)
    {
        MimeMessage? loaded = null;
        try
        {
            return await ReadAsync(session, item, message => loaded = message, cancellationToken);
        }
        catch (Exception error) when (error is not (AdapterException or HubStateUnavailableException or OutOfMemoryException)
                                      && (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            await SetAsideAsync(session, item, loaded, null, IgnoredMailReason.Unreadable,
                $"reading it failed ({error.GetType().Name}: {error.Message})", cancellationToken);
            return null;
        }
    }

    private async Task<ObservedChange?> ReadAsync(IInboxSession session, InboxItem item, Action<MimeMessage> loaded, CancellationToken cancellationToken)
    {
        if (item.Size > maxMessageBytes)
        {
            await SetAsideAsync(session, item, null, null, IgnoredMailReason.Oversized, $"{item.Size} bytes, more than MaxMessageBytes {maxMessageBytes}", cancellationToken);
            return null;
        }

        MimeMessage message;
        try
        {
            message = await session.LoadAsync(item, cancellationToken);
        }
        catch (FormatException error)
        {
            await SetAsideAsync(session, item, null, null, IgnoredMailReason.Malformed, error.Message, cancellationToken);
            return null;
        }

        loaded(message);
        if (await matcher.IsSentByThisHubAsync(message, cancellationToken))
        {
            await session.FileSentCopyAsync(item, cancellationToken);
            return null;
        }

        if (message.From.Mailboxes.Take(2).Count() != 1)
        {
            await SetAsideAsync(session, item, message, null, IgnoredMailReason.Malformed, "it does not name exactly one sender", cancellationToken);
            return null;
        }

        var sender = message.From.Mailboxes.Single();
        var order = await matcher.FindAsync(message, cancellationToken);
        if (order is null)
        {
            await SetAsideAsync(session, item, message, null, IgnoredMailReason.UnknownWorkOrder, "no work order of this hub matches its headers or subject", cancellationToken);
            return null;
        }

        var contractor = order.ContractorId is null ? null : mappings.Current.FindContractorById(order.ContractorId);
        if (!SenderTrust.MaySpeakFor(sender.Address, order, contractor))
        {
            await SetAsideAsync(session, item, message, order, IgnoredMailReason.UntrustedSender,
                $"{sender.Address} does not belong to the contractor {order.To} that work order {order.Token} went to", cancellationToken);
            return null;
        }

        if (authentication.RefusalFor(message, sender) is { } refusal)
        {
            await SetAsideAsync(session, item, message, order, IgnoredMailReason.Unauthenticated, refusal, cancellationToken);
            return null;
        }

        ContractorReply reply;
        try
        {
            reply = reader.Read(message, order.Language, zone);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException or NotSupportedException or InvalidDataException)
        {
            await SetAsideAsync(session, item, message, order, IgnoredMailReason.Malformed, "its text cannot be read: " + error.Message, cancellationToken);
            return null;
        }

        if (reply.Kind == ContractorReplyKind.AutoReply || (reply.Kind == ContractorReplyKind.Comment && string.IsNullOrWhiteSpace(reply.Text)))
        {
            var reason = reply.Kind == ContractorReplyKind.AutoReply ? IgnoredMailReason.AutoReply : IgnoredMailReason.Empty;
            await reporter.ReportAsync(Describe(message, order, reason, quarantined: false, "it changes nothing"), cancellationToken);
            return null;
        }

        var at = message.Date == DateTimeOffset.MinValue ? time.GetUtcNow() : message.Date;
        return ReplyChange.From(reply, order, VersionOf(message), sender.Address, sender.Name, at);
    }

    /// <summary>The Message-ID; a mail without one gets a stable stand-in from its content, so re-reading gives the same key.</summary>
    private static string VersionOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return message.MessageId;
        }

        using var content = new MemoryStream();
        message.WriteTo(content);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content.ToArray()));
    }

    private async Task SetAsideAsync(IInboxSession session, InboxItem item, MimeMessage? message, WorkOrder? order, IgnoredMailReason reason, string detail, CancellationToken cancellationToken)
    {
        await session.QuarantineAsync(item, cancellationToken);
        await reporter.ReportAsync(Describe(message, order, reason, quarantined: true, detail), cancellationToken);
    }

    private IgnoredMail Describe(MimeMessage? message, WorkOrder? order, IgnoredMailReason reason, bool quarantined, string detail) =>
        new(systemName, reason, quarantined, detail,
            message?.MessageId,
            message?.From.Mailboxes.FirstOrDefault()?.Address,
            message?.Subject,
            order?.Token ?? WorkOrderToken.FindIn(message?.Subject),
            time.GetUtcNow());
}
