using Hub.Adapters.Email.Inbound;
using Hub.Adapters.Email.Transport;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email;

/// <summary>
/// One contractor mailbox: cases go out as work-order mails, the contractors' replies come back as changes.
/// Each reply's record is its work order (ExternalId = the order token) and its version is its Message-ID.
/// </summary>
internal sealed class EmailAdapter(
    string systemName,
    int batchSize,
    IMailTransport transport,
    WorkOrderStore store,
    WorkOrderOutbox outbox,
    ReplyIntake intake) : ISystemAdapter, ISystemReadiness, IArrivalWaiter
{
    public string SystemName => systemName;

    /// <summary>A contractor's mailbox holds replies to the hub's work orders, never a case of its own to read or start from.</summary>
    public Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"system '{systemName}' is a contractor's mailbox: it starts no cases, it only answers the hub's work orders. Test a record of the system the case comes from.");

    public async Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken)
    {
        await using var session = await transport.OpenInboxAsync(cancellationToken);
        var listing = await session.ListAsync(watermark, batchSize, cancellationToken);
        var changes = new List<ObservedChange>();
        foreach (var item in listing.Items)
        {
            if (await intake.TakeAsync(session, item, cancellationToken) is { } change)
            {
                changes.Add(change);
            }
        }

        return new ChangeBatch(changes, listing.NextWatermark, listing.HasMore);
    }

    /// <summary>Only an order the mail server accepted counts: an order stored but never sent is sent by the next create.</summary>
    public async Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        await store.FindByCorrelationKeyAsync(correlationKey, cancellationToken) is { Sent: true } order ? ReferenceTo(order) : null;

    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ReferenceTo(await outbox.SendOrderAsync(command, cancellationToken));
    }

    public async Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Kind is not (ChangeKind.CommentAdded or ChangeKind.Cancelled)
            || (command.Kind == ChangeKind.CommentAdded && string.IsNullOrWhiteSpace(command.Comment?.Text)))
        {
            return;
        }

        var order = await store.GetAsync(command.ExternalId, cancellationToken)
                    ?? throw AdapterException.Permanent(systemName, $"Work order {command.ExternalId} is not known to this hub's mailbox state.");
        if (command.Kind == ChangeKind.Cancelled)
        {
            await outbox.SendCancellationAsync(order, command, cancellationToken);
        }
        else
        {
            await outbox.SendFollowUpAsync(order, command.Comment!.Text, command, cancellationToken);
        }
    }

    public async Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        await transport.FindProblemAsync(cancellationToken) is { } problem
            ? AdapterHealth.Unhealthy(problem)
            : AdapterHealth.Healthy("mail can be sent and read");

    public Task<IReadOnlyList<SystemCheck>> CheckReadinessAsync(CancellationToken cancellationToken) => transport.CheckReadinessAsync(cancellationToken);

    /// <summary>A contractor's mailbox has no look-up lists: the mapping's values for it are not checked.</summary>
    public Task<IReadOnlyCollection<string>?> ListValuesAsync(string field, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>?>(null);

    /// <summary>IMAP IDLE on the reply folder (a plain wait where the server offers no IDLE), or a watch on the pickup folder.</summary>
    public Task<bool> WaitForArrivalAsync(TimeSpan maxWait, CancellationToken cancellationToken) =>
        transport.WaitForMailAsync(maxWait, cancellationToken);

    private static RecordReference ReferenceTo(WorkOrder order) => new(order.Token, order.Token, order.MessageId);
}
