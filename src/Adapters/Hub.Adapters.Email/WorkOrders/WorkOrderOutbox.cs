using AutoMapper;
using Hub.Adapters.Email.Transport;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Sends work orders and the mails that follow them, each once however often its outbox command is retried. A mail is
/// stored (with its Message-ID) before it is sent, marked as being handed over once the server is reached, and marked
/// sent after the server's 250. A retry that finds a mail handed over but not marked sent (a crash or a lost answer
/// in between) first asks the transport for evidence — the copy in the hub's own mailbox — and sends it again (with
/// the same Message-ID) only when there is none.
/// </summary>
internal sealed class WorkOrderOutbox(
    string systemName,
    WorkOrderStore store,
    WorkOrderMail mail,
    IMailTransport transport,
    IMappingProvider mappings,
    IMapper mapper,
    TimeProvider time,
    ILogger logger)
{
    public const string OrderKind = "work-order";
    public const string FollowUpKind = "follow-up";
    public const string CancellationKind = "cancellation";

    public async Task<WorkOrder> SendOrderAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        var current = mappings.Current;
        var content = mapper.Map<WorkOrderContent>(command);
        var contractor = ContractorAddress.From(command.Parameters, current, systemName);
        var order = await store.FindForContractorAsync(command.CorrelationKey, contractor.Email, cancellationToken)
                    ?? await RecordNewOrderAsync(command, contractor, content, current, cancellationToken);
        if (order.Sent)
        {
            return order;
        }

        var sent = order with { Sent = true, HandedOverAt = null };
        if (order.HandedOverAt is not null && await WentOutAsync(order.Token, order.MessageId, OrderKind, cancellationToken))
        {
            await store.SaveAsync(sent, cancellationToken);
            return sent;
        }

        var words = WorkOrderWriter.WorkOrder(order.Token, order.Language, content, current);
        await transport.SendAsync(mail.Build(order, words, order.MessageId, OrderKind),
            ct => store.SaveAsync(order with { HandedOverAt = time.GetUtcNow() }, ct), cancellationToken);
        await store.SaveAsync(sent, cancellationToken);
        return sent;
    }

    public async Task SendFollowUpAsync(WorkOrder order, string text, ApplyChangeCommand command, CancellationToken cancellationToken) =>
        await SendAboutAsync(order, WorkOrderWriter.FollowUp(order, text), FollowUpKind, text, command, cancellationToken);

    public async Task SendCancellationAsync(WorkOrder order, ApplyChangeCommand command, CancellationToken cancellationToken) =>
        await SendAboutAsync(order, WorkOrderWriter.Cancellation(order), CancellationKind, string.Empty, command, cancellationToken);

    /// <summary>Sends a mail about an order once, however often the same command is retried (see <see cref="MailAboutOrder"/>).</summary>
    private async Task SendAboutAsync(WorkOrder order, RenderedMail words, string kind, string text, ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fingerprint = MailAboutOrder.Fingerprint(kind, text);
        var slot = command.CommandKey is null ? fingerprint : MailAboutOrder.CommandSlot(command.CommandKey);
        var earlier = command.CommandKey is null
            ? await EarlierKeylessAttemptAsync(order.Token, fingerprint, now, cancellationToken)
            : await EarlierAttemptOfCommandAsync(order.Token, fingerprint, command, now, cancellationToken);
        if (earlier is { Sent: true })
        {
            logger.LogInformation("Work order {Token}: this {Kind} was sent at {At:O} already; not sending it twice", order.Token, kind, earlier.FirstTriedAt);
            return;
        }

        // Commands of one case are sent in order, so an attempt whose outcome is unknown belongs to this command,
        // however long its retries took: it is settled before anything new is sent.
        if (earlier is { OutcomeUnknown: true } && await WentOutAsync(order.Token, earlier.MessageId, kind, cancellationToken))
        {
            await store.SaveMailAboutAsync(order.Token, slot, earlier with { Sent = true, HandedOverAt = null }, cancellationToken);
            return;
        }

        var attempt = earlier ?? (command.CommandKey is null
            ? new MailAboutOrder(mail.NewMessageId(), now, Sent: false)
            : new MailAboutOrder(mail.MessageIdFor(order, command.CommandKey), now, Sent: false, CommandKey: command.CommandKey));
        await store.RecordAttemptAsync(order.Token, slot, attempt, cancellationToken);
        await transport.SendAsync(mail.Build(order, words, attempt.MessageId, kind),
            ct => store.SaveMailAboutAsync(order.Token, slot, attempt with { HandedOverAt = time.GetUtcNow() }, ct), cancellationToken);
        await store.SaveMailAboutAsync(order.Token, slot, attempt with { Sent = true, HandedOverAt = null }, cancellationToken);
    }

    /// <summary>Without a command key: the mail with the same content tried within the hour, or still open.</summary>
    private async Task<MailAboutOrder?> EarlierKeylessAttemptAsync(string token, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.GetMailAboutAsync(token, fingerprint, cancellationToken) is { } earlier && (earlier.IsRetryAt(now) || earlier.OutcomeUnknown)
            ? earlier
            : null;

    /// <summary>
    /// The earlier attempt of this command, however old; else a record with the same content written before command
    /// keys existed that may be its first attempt, which the command then takes over so no other command can.
    /// </summary>
    private async Task<MailAboutOrder?> EarlierAttemptOfCommandAsync(string token, string fingerprint, ApplyChangeCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var commandKey = command.CommandKey!;
        if (await store.GetMailAboutAsync(token, MailAboutOrder.CommandSlot(commandKey), cancellationToken) is { } own)
        {
            return own;
        }

        if (await store.GetMailAboutAsync(token, fingerprint, cancellationToken) is not { } keyless || !keyless.MayBeEarlierAttemptOf(command.QueuedAt, now))
        {
            return null;
        }

        var taken = keyless with { CommandKey = commandKey };
        await store.SaveMailAboutAsync(token, [fingerprint, MailAboutOrder.CommandSlot(commandKey)], taken, cancellationToken);
        return taken;
    }

    /// <summary>Whether a mail handed over in an earlier attempt, with no answer recorded, reached the server after all.</summary>
    private async Task<bool> WentOutAsync(string token, string messageId, string kind, CancellationToken cancellationToken)
    {
        var evidence = await transport.FindSentAsync(messageId, cancellationToken);
        switch (evidence)
        {
            case SentEvidence.Found:
                logger.LogInformation("Work order {Token}: the {Kind} {MessageId} was taken by the mail server before the hub could record it; not sending it twice", token, kind, messageId);
                return true;
            case SentEvidence.NotFound:
                logger.LogInformation("Work order {Token}: no copy of the {Kind} {MessageId} arrived in the hub's mailbox; sending it again", token, kind, messageId);
                return false;
            default:
                logger.LogWarning("Work order {Token}: whether the {Kind} {MessageId} went out cannot be known (SentCopyTo is off); sending it again", token, kind, messageId);
                return false;
        }
    }

    private async Task<WorkOrder> RecordNewOrderAsync(CreateRecordCommand command, ContractorAddress contractor, WorkOrderContent content, MappingSet current, CancellationToken cancellationToken)
    {
        var token = await UnusedTokenAsync(cancellationToken);
        var words = WorkOrderWriter.WorkOrder(token, contractor.Language, content, current);
        var order = new WorkOrder
        {
            Token = token,
            CaseId = command.CaseId,
            CorrelationKey = command.CorrelationKey,
            ContractorId = contractor.ContractorId,
            To = contractor.Email,
            Language = contractor.Language,
            MessageId = mail.NewMessageId(),
            Subject = words.Subject,
            Title = content.Title,
            CreatedAt = time.GetUtcNow(),
        };
        await store.RecordNewAsync(order, cancellationToken);
        return order;
    }

    private async Task<string> UnusedTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var token = WorkOrderToken.New();
            if (await store.GetAsync(token, cancellationToken) is null)
            {
                return token;
            }
        }
    }
}
