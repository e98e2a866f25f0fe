using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Adapters.Example.Tests;

/// <summary>
/// The toy TicketDesk API on a loopback port (an <see cref="HttpListener"/>): tickets with a correlation key, comments
/// and status changes as numbered events, an API key, and the faults a real API shows (503, 429 with Retry-After, 400).
/// </summary>
internal sealed class ToyTicketDesk : IDisposable
{
    public const string HubKey = "hub-key-42";
    private readonly HttpListener listener = new();
    private readonly Lock gate = new();
    private readonly List<JsonObject> tickets = [];
    private readonly List<JsonObject> events = [];
    private readonly CancellationTokenSource stopping = new();
    private (int Status, TimeSpan? RetryAfter)? fault;

    public ToyTicketDesk()
    {
        Url = $"http://127.0.0.1:{FreeLoopbackPort.Find()}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>A person comments in TicketDesk's own screens.</summary>
    public void PersonComments(string ticketId, string text)
    {
        lock (gate)
        {
            Record(Ticket(ticketId)!, "comment", text, null, byHub: false);
        }
    }

    public int TicketsWithKey(string key)
    {
        lock (gate)
        {
            return tickets.Count(t => (string?)t["key"] == key);
        }
    }

    public string? StatusOf(string ticketId)
    {
        lock (gate)
        {
            return (string?)Ticket(ticketId)?["status"];
        }
    }

    /// <summary>Every request is answered with this status from now on (and Retry-After, when given).</summary>
    public void AnswerEverythingWith(int status, TimeSpan? retryAfter = null)
    {
        lock (gate)
        {
            fault = (status, retryAfter);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var (status, body) = await AnswerAsync(context.Request, response);
            response.StatusCode = status;
            if (body is not null)
            {
                response.ContentType = "application/json";
                var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
                await response.OutputStream.WriteAsync(bytes, stopping.Token);
            }
        }
    }

    private async Task<(int Status, JsonNode? Body)> AnswerAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        using var reader = new StreamReader(request.InputStream);
        var text = await reader.ReadToEndAsync(stopping.Token);
        var sent = text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject();
        lock (gate)
        {
            if (fault is { } failing)
            {
                if (failing.RetryAfter is { } wait)
                {
                    response.AddHeader("Retry-After", ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                }

                return (failing.Status, new JsonObject { ["error"] = "simulated" });
            }

            if (request.Headers["X-Api-Key"] != HubKey)
            {
                return (401, new JsonObject { ["error"] = "unknown API key" });
            }

            return Route(request.HttpMethod, request.Url!.AbsolutePath.Trim('/').Split('/'), request.QueryString, sent);
        }
    }

    private (int, JsonNode?) Route(string method, string[] path, System.Collections.Specialized.NameValueCollection query, JsonObject? sent) => (method, path) switch
    {
        ("GET", ["api", "me"]) => (200, new JsonObject { ["name"] = "hub" }),
        ("GET", ["api", "tickets"]) => (200, new JsonArray([.. tickets.Where(t => (string?)t["key"] == query["key"]).Select(t => t.DeepClone())])),
        ("GET", ["api", "tickets", var id]) when Ticket(id) is { } ticket => (200, ticket.DeepClone()),
        ("POST", ["api", "tickets"]) => (201, Create(sent!).DeepClone()),
        ("PATCH", ["api", "tickets", var id]) when Ticket(id) is { } ticket => (200, SetStatus(ticket, (string)sent!["status"]!).DeepClone()),
        ("POST", ["api", "tickets", var id, "comments"]) when Ticket(id) is { } ticket => (201, Record(ticket, "comment", (string?)sent!["text"], null, byHub: true).DeepClone()),
        ("GET", ["api", "events"]) => (200, Events(long.Parse(query["after"] ?? "0", CultureInfo.InvariantCulture), int.Parse(query["limit"] ?? "50", CultureInfo.InvariantCulture))),
        _ => (404, new JsonObject { ["error"] = "no such ticket or path" }),
    };

    private JsonObject Create(JsonObject sent)
    {
        var ticket = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["number"] = $"T-{tickets.Count + 1:0000}",
            ["key"] = (string?)sent["key"],
            ["title"] = (string?)sent["title"],
            ["status"] = (string?)sent["status"] ?? "new",
        };
        tickets.Add(ticket);
        Record(ticket, "created", null, (string)ticket["status"]!, byHub: true);
        return ticket;
    }

    private JsonObject SetStatus(JsonObject ticket, string status)
    {
        ticket["status"] = status;
        Record(ticket, "status", null, status, byHub: true);
        return ticket;
    }

    private JsonObject Record(JsonObject ticket, string kind, string? text, string? status, bool byHub)
    {
        var e = new JsonObject
        {
            ["seq"] = events.Count + 1,
            ["ticketId"] = (string)ticket["id"]!,
            ["number"] = (string)ticket["number"]!,
            ["key"] = (string?)ticket["key"],
            ["kind"] = kind,
            ["text"] = text,
            ["status"] = status,
            ["by"] = byHub ? "hub" : "Petra (servicedesk)",
            ["hub"] = byHub,
            ["at"] = TimeProvider.System.GetUtcNow(),
        };
        events.Add(e);
        return e;
    }

    private JsonObject Events(long after, int limit)
    {
        var page = events.Skip((int)after).Take(limit).Select(e => e.DeepClone()).ToArray();
        return new JsonObject { ["events"] = new JsonArray(page), ["more"] = after + page.Length < events.Count };
    }

    private JsonObject? Ticket(string idOrNumber) => tickets.FirstOrDefault(t => (string?)t["id"] == idOrNumber || (string?)t["number"] == idOrNumber);
}
