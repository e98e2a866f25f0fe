using AutoMapper;
using Hub.Adapters.Email.Transport;
using Hub.Core.Adapters;
using Hub.Core.Mapping;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Sends work orders and the mails that follow them. A new order is stored (with its Message-ID) before it is
/// sent and marked sent after, so a crash in between sends the same mail again instead of a second order.
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

        var words = WorkOrderWriter.WorkOrder(order.Token, order.Language, content, current);
        await transport.SendAsync(mail.Build(order, words, order.MessageId, OrderKind), cancellationToken);
        var sent = order with { Sent = true };
        await store.SaveAsync(sent, cancellationToken);
        return sent;
    }

    public async Task SendFollowUpAsync(WorkOrder order, string text, CancellationToken cancellationToken) =>
        await SendAboutAsync(order, WorkOrderWriter.FollowUp(order, text), FollowUpKind, text, cancellationToken);

    public async Task SendCancellationAsync(WorkOrder order, CancellationToken cancellationToken) =>
        await SendAboutAsync(order, WorkOrderWriter.Cancellation(order), CancellationKind, string.Empty, cancellationToken);

    /// <summary>Sends a mail about an order once, however often the same command is retried (see <see cref="MailAboutOrder"/>).</summary>
    private async Task SendAboutAsync(WorkOrder order, RenderedMail words, string kind, string text, CancellationToken cancellationToken)
    {
        var fingerprint = MailAboutOrder.Fingerprint(kind, text);
        var now = time.GetUtcNow();
        var earlier = await store.GetMailAboutAsync(order.Token, fingerprint, cancellationToken);
        if (earlier is not null && earlier.IsRetryAt(now) && earlier.Sent)
        {
            logger.LogInformation("Work order {Token}: this {Kind} was sent at {At:O} already; not sending it twice", order.Token, kind, earlier.FirstTriedAt);
            return;
        }

        var attempt = earlier is not null && earlier.IsRetryAt(now) ? earlier : new MailAboutOrder(mail.NewMessageId(), now, Sent: false);
        await store.SaveMailAboutAsync(order.Token, fingerprint, attempt, cancellationToken);
        await store.RememberMessageAsync(attempt.MessageId, order.Token, cancellationToken);
        await transport.SendAsync(mail.Build(order, words, attempt.MessageId, kind), cancellationToken);
        await store.SaveMailAboutAsync(order.Token, fingerprint, attempt with { Sent = true }, cancellationToken);
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
        await store.SaveAsync(order, cancellationToken);
        await store.RememberMessageAsync(order.MessageId, token, cancellationToken);
        await store.LinkCorrelationKeyAsync(order, cancellationToken);
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
