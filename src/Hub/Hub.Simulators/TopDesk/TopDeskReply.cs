using System.Text.Json.Nodes;

namespace Hub.Simulators.TopDesk;

/// <summary>What the simulated API answers: a status, a JSON body (none for 204) and maybe Retry-After.</summary>
internal sealed record TopDeskReply(int Status, string? Body, TimeSpan? RetryAfter = null)
{
    public static TopDeskReply Json(int status, JsonNode body) => new(status, body.ToJsonString());

    public static TopDeskReply NoContent { get; } = new(204, null);

    /// <summary>A page of a list: 204 when empty, 206 when more follow, 200 for the last page.</summary>
    public static TopDeskReply Page(IEnumerable<JsonNode> items, int start, int count, int total) =>
        count == 0 ? NoContent : Json(start + count < total ? 206 : 200, new JsonArray([.. items]));
}
