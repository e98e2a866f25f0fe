using System.Globalization;
using System.Text.RegularExpressions;
using WireMock;

namespace Hub.Simulators.Dynamics;

/// <summary>How the simulator answers a request: sign-in check, service protection, faults, then the Web API; and the request log.</summary>
public sealed partial class DynamicsSimulator
{
    private async Task<IResponseMessage> HandleDataverseAsync(IRequestMessage message)
    {
        var arrived = time.GetUtcNow();
        var request = WireMockExchange.ToSimRequest(message, ApiPrefix);
        var response = await AnswerDataverseAsync(message, request);
        Record("dataverse", arrived, request, response);
        return WireMockExchange.ToResponse(response);
    }

    private async Task<SimResponse> AnswerDataverseAsync(IRequestMessage message, SimRequest request)
    {
        if (!new Uri(message.AbsoluteUrl).AbsolutePath.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return SimResponse.Error(404, string.Empty, "Resource not found.");
        }

        if (!tokens.Accepts(request.Header("Authorization")))
        {
            return new SimResponse(401, null, new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer authorization_uri={Authority}{options.TenantId}/oauth2/authorize, resource_id={Url}",
            });
        }

        if (protection.Enter() is { } throttled)
        {
            return throttled;
        }

        try
        {
            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, time);
            }

            if (request.Method == "PATCH" && !pendingRaces.IsEmpty)
            {
                foreach (var (caseId, race) in pendingRaces)
                {
                    if (request.Path.Contains(caseId.ToString(), StringComparison.OrdinalIgnoreCase) && pendingRaces.TryRemove(caseId, out _))
                    {
                        race();
                    }
                }
            }

            if (faults.Next() is { } failure)
            {
                return failure;
            }

            var answer = api.Handle(request);
            return faults.LosesAnswer(request)
                ? SimResponse.Error(504, string.Empty, "The gateway timed out waiting for the answer.")
                : answer;
        }
        finally
        {
            protection.Leave();
        }
    }

    private ResponseMessage HandleToken(IRequestMessage message)
    {
        var arrived = time.GetUtcNow();
        var request = WireMockExchange.ToSimRequest(message, "/");
        var response = tokens.Handle(request);
        Record("token", arrived, request, response);
        return WireMockExchange.ToResponse(response);
    }

    private void Record(string endpoint, DateTimeOffset arrived, SimRequest request, SimResponse response)
    {
        var query = string.Join('&', request.Query.Select(kv => kv.Key + "=" + kv.Value));
        TimeSpan? retryAfter = response.Headers?.TryGetValue("Retry-After", out var seconds) == true
            ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture))
            : null;
        var body = endpoint == "token" ? RedactSecret(request.Body) : request.Body;
        while (log.Count >= MaxLoggedRequests && log.TryDequeue(out _))
        {
            // keep memory flat in a long sandbox run: only the latest requests are kept
        }

        log.Enqueue(new RecordedRequest(endpoint, arrived, time.GetUtcNow(), request.Method, request.Path + (query.Length > 0 ? "?" + query : string.Empty),
            request.Headers, body, response.Status, retryAfter));
    }

    private static string? RedactSecret(string? form) =>
        form is null ? null : Regex.Replace(form, "client_secret=[^&]*", "client_secret=***");
}
