using System.Text.Json.Serialization;

namespace Hub.Adapters.Example;

/// <summary>A ticket as TicketDesk's API sends it.</summary>
internal sealed record Ticket(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("status")] string Status);

/// <summary>One thing that happened to a ticket: "created", "comment" or "status"; <c>by</c> names the API key's owner or the person.</summary>
internal sealed record TicketEvent(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("ticketId")] string TicketId,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("hub")] bool ByHub,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A page of events after a sequence number.</summary>
internal sealed record EventPage(
    [property: JsonPropertyName("events")] IReadOnlyList<TicketEvent> Events,
    [property: JsonPropertyName("more")] bool More);
