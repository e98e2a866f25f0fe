using System.Globalization;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Example;

/// <summary>
/// One TicketDesk system through the hub's contract. Tickets carry the hub's correlation key; the event list (a
/// sequence number per event) is the change feed and its last number the watermark; an event's number is its version.
/// </summary>
internal sealed class TicketDeskAdapter(string systemName, TicketDeskCalls calls, int pageSize) : ISystemAdapter
{
    public string SystemName => systemName;

    public async Task<ChangeBatch> ReadChangesAsync(string? watermark, CancellationToken cancellationToken)
    {
        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;
        var page = await calls.SendAsync<EventPage>(HttpMethod.Get, $"api/events?after={after}&limit={pageSize}", null, "reading events", cancellationToken)
                   ?? new EventPage([], More: false);
        var changes = page.Events.Select(ToChange).ToList();
        var next = page.Events.Count == 0 ? watermark : page.Events[^1].Seq.ToString(CultureInfo.InvariantCulture);
        return new ChangeBatch(changes, next, page.More);
    }

    /// <summary>The ticket as it is now, by id or number; null when TicketDesk has none (its 404 is not a failure here).</summary>
    public async Task<ObservedChange?> ReadRecordAsync(string record, CancellationToken cancellationToken)
    {
        var ticket = await calls.SendAsync<Ticket>(HttpMethod.Get, $"api/tickets/{Uri.EscapeDataString(record)}", null,
            $"reading ticket {record}", cancellationToken, missingIsNothing: true);
        return ticket is null ? null : new ObservedChange
        {
            ExternalId = ticket.Id,
            ExternalNumber = ticket.Number,
            Version = "ticket-" + ticket.Id + "-" + ticket.Status,
            Kind = ChangeKind.Created,
            OccurredAt = DateTimeOffset.MinValue, // a TicketDesk ticket carries no modification time; its events do
            RawValues = new Dictionary<string, string> { [MappedField.Status] = ticket.Status },
            CorrelationKey = ticket.Key,
        };
    }

    public async Task<RecordReference?> FindByCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken)
    {
        var found = await calls.SendAsync<List<Ticket>>(HttpMethod.Get, $"api/tickets?key={Uri.EscapeDataString(correlationKey)}", null,
            $"looking up the ticket of {correlationKey}", cancellationToken);
        return found?.FirstOrDefault() is { } ticket ? new RecordReference(ticket.Id, ticket.Number) : null;
    }

    /// <summary>Idempotent by key: the ticket an earlier attempt made is found first and returned.</summary>
    public async Task<RecordReference> CreateAsync(CreateRecordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindByCorrelationKeyAsync(command.CorrelationKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var body = new { key = command.CorrelationKey, title = command.Fields.Title, description = command.Fields.Description, status = Status(command.TargetValues) };
        var ticket = await calls.SendAsync<Ticket>(HttpMethod.Post, "api/tickets", body, $"creating the ticket of case {command.CaseId}", cancellationToken)
                     ?? throw AdapterException.Transient(systemName, $"TicketDesk created the ticket of case {command.CaseId} but sent no ticket back.");
        return new RecordReference(ticket.Id, ticket.Number);
    }

    public async Task ApplyAsync(ApplyChangeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ticket = $"api/tickets/{Uri.EscapeDataString(command.ExternalId)}";
        var what = $"changing ticket {command.ExternalId} of case {command.CaseId}";
        if (command.Comment is { } comment)
        {
            await calls.SendAsync<object>(HttpMethod.Post, ticket + "/comments", new { text = comment.Text }, what, cancellationToken);
        }

        if (Status(command.TargetValues) is { } status)
        {
            await calls.SendAsync<object>(HttpMethod.Patch, ticket, new { status }, what, cancellationToken);
        }
    }

    public async Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await calls.SendAsync<object>(HttpMethod.Get, "api/me", null, "checking the API key", cancellationToken);
            return AdapterHealth.Healthy();
        }
        catch (AdapterException e)
        {
            return AdapterHealth.Unhealthy(e.Message);
        }
    }

    private static string? Status(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(MappedField.Status, out var status) && !string.IsNullOrWhiteSpace(status) ? status : null;

    private static ObservedChange ToChange(TicketEvent e) => new()
    {
        ExternalId = e.TicketId,
        ExternalNumber = e.Number,
        Version = "event-" + e.Seq.ToString(CultureInfo.InvariantCulture),
        Kind = e.Kind switch
        {
            "created" => ChangeKind.Created,
            "status" => ChangeKind.StatusChanged,
            _ => ChangeKind.CommentAdded,
        },
        OccurredAt = e.At,
        Comment = e.Text is null ? null : new CaseComment(e.Text, IsPublic: true, Author: e.By),
        RawValues = e.Status is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [MappedField.Status] = e.Status },
        CorrelationKey = e.Key,
        WrittenByHub = e.ByHub,
        Actor = e.By,
    };
}
