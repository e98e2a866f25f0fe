using System.Net;
using System.Net.Http.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;

namespace Hub.Adapters.Example;

/// <summary>
/// Sends one request to TicketDesk and classifies every failure for the engine: unreachable, 408, 429 (with its
/// Retry-After) and 5xx are transient; any other 4xx is permanent. Messages say what was being done, never the API key.
/// </summary>
internal sealed class TicketDeskCalls(string systemName, HttpClient http, TimeProvider time)
{
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, string what, CancellationToken cancellationToken, bool missingIsNothing = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw AdapterException.Transient(systemName, $"TicketDesk could not be reached while {what}: {e.Message}", inner: e);
        }

        using (response)
        {
            if (missingIsNothing && response.StatusCode == HttpStatusCode.NotFound)
            {
                return default;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, what);
            }

            return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
    }

    private AdapterException Failure(HttpResponseMessage response, string what)
    {
        var code = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => AdapterException.Transient(systemName, $"TicketDesk asked the hub to slow down while {what} (429).", RetryAfterHeader.Read(response, time)),
            HttpStatusCode.RequestTimeout => AdapterException.Transient(systemName, $"TicketDesk timed out while {what} (408)."),
            HttpStatusCode.NotFound => AdapterException.Permanent(systemName, $"TicketDesk does not know what was asked while {what} (404)."),
            _ when code >= 500 => AdapterException.Transient(systemName, $"TicketDesk failed while {what} ({code})."),
            _ => AdapterException.Permanent(systemName, $"TicketDesk refused {what} ({code}); retrying will not help."),
        };
    }
}
