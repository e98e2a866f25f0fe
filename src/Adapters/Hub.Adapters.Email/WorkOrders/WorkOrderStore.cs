using System.Text.Json;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Work orders in the hub's adapter state: "order:{token}" → the order; "case:{correlationKey}|{contractor address}"
/// → token (one order per case and contractor) and "case:{correlationKey}" → the case's latest order; and
/// "message:{Message-ID}" → token for every mail the hub sent about an order (so a reply to a follow-up matches too);
/// "about:{token}:command:{command key}" → the follow-up or cancellation sent for that outbox command, and
/// "about:{token}:{fingerprint}" → the keyless one with that content (see <see cref="MailAboutOrder"/>).
/// </summary>
internal sealed class WorkOrderStore(IAdapterStateStore state, string systemName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WorkOrder?> GetAsync(string token, CancellationToken cancellationToken)
    {
        var json = await state.GetAsync(systemName, "order:" + token, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<WorkOrder>(json, Json);
    }

    public Task SaveAsync(WorkOrder order, CancellationToken cancellationToken) =>
        state.SetAsync(systemName, "order:" + order.Token, JsonSerializer.Serialize(order, Json), cancellationToken);

    public async Task<WorkOrder?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken)
    {
        var token = await state.GetAsync(systemName, "case:" + correlationKey, cancellationToken);
        return token is null ? null : await GetAsync(token, cancellationToken);
    }

    public async Task<WorkOrder?> FindForContractorAsync(string correlationKey, string contractorEmail, CancellationToken cancellationToken)
    {
        var token = await state.GetAsync(systemName, ContractorKey(correlationKey, contractorEmail), cancellationToken);
        return token is null ? null : await GetAsync(token, cancellationToken);
    }

    /// <summary>
    /// A new order, before its mail is sent: the order, its Message-ID, and its case and contractor keys, all or none
    /// (one transaction in the hub's database), so a hub that dies while recording it leaves no order that its case
    /// cannot find.
    /// </summary>
    public Task RecordNewAsync(WorkOrder order, CancellationToken cancellationToken) =>
        state.SetManyAsync(systemName,
        [
            new("order:" + order.Token, JsonSerializer.Serialize(order, Json)),
            new("message:" + order.MessageId, order.Token),
            new(ContractorKey(order.CorrelationKey, order.To), order.Token),
            new("case:" + order.CorrelationKey, order.Token),
        ], cancellationToken);

    /// <summary>
    /// The order a Message-ID belongs to. An id with a control character (a NUL among them) is none the hub made, so it
    /// is not looked up: it comes from a sender's headers, and PostgreSQL refuses a NUL in text, which would read as the
    /// hub's database failing and stop the contractor's inbox at that mail.
    /// </summary>
    public Task<string?> FindTokenByMessageIdAsync(string messageId, CancellationToken cancellationToken) =>
        messageId.Any(char.IsControl)
            ? Task.FromResult<string?>(null)
            : state.GetAsync(systemName, "message:" + messageId, cancellationToken);

    public async Task<MailAboutOrder?> GetMailAboutAsync(string token, string slot, CancellationToken cancellationToken)
    {
        var json = await state.GetAsync(systemName, $"about:{token}:{slot}", cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<MailAboutOrder>(json, Json);
    }

    public Task SaveMailAboutAsync(string token, string slot, MailAboutOrder mail, CancellationToken cancellationToken) =>
        state.SetAsync(systemName, $"about:{token}:{slot}", JsonSerializer.Serialize(mail, Json), cancellationToken);

    /// <summary>The same record of a mail under several slots (its content's and its command's), in one write.</summary>
    public Task SaveMailAboutAsync(string token, IReadOnlyList<string> slots, MailAboutOrder mail, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(mail, Json);
        return state.SetManyAsync(systemName, [.. slots.Select(slot => new KeyValuePair<string, string>($"about:{token}:{slot}", json))], cancellationToken);
    }

    /// <summary>A mail about to be tried for the first time: its record and its Message-ID (so a reply to it finds the order), in one write.</summary>
    public Task RecordAttemptAsync(string token, string slot, MailAboutOrder attempt, CancellationToken cancellationToken) =>
        state.SetManyAsync(systemName,
        [
            new($"about:{token}:{slot}", JsonSerializer.Serialize(attempt, Json)),
            new("message:" + attempt.MessageId, token),
        ], cancellationToken);

    private static string ContractorKey(string correlationKey, string contractorEmail) =>
        $"case:{correlationKey}|{contractorEmail.ToLowerInvariant()}";
}
