using System.Globalization;
using System.Net;
using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>
/// Runs one call to the instance and turns every way it can fail into an <see cref="AdapterException"/> an admin can
/// act on: transient for outages, timeouts, rate limits (with the wait the instance announced) and transaction quota
/// cancellations; permanent for refusals that will not pass by themselves. Messages name the setting to fix, never a secret.
/// </summary>
internal sealed class TableCalls(ITableApi api, string systemName, ServiceNowOptions options, Func<string, string> keyOf, TimeProvider time)
{
    public string SystemName => systemName;

    public ITableApi Api => api;

    public ServiceNowOptions Options => options;

    public string KeyOf(string setting) => keyOf(setting);

    /// <summary>The rows of a successful answer's <c>result</c> array.</summary>
    public async Task<List<JsonElement>> ListAsync(string what, Func<ITableApi, CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(what, call, cancellationToken);
        return result.ValueKind == JsonValueKind.Array
            ? [.. result.EnumerateArray()]
            : throw AdapterException.Transient(systemName, $"ServiceNow answered {what} with a result that is not a list.");
    }

    /// <summary>The <c>result</c> of a successful answer.</summary>
    public async Task<JsonElement> ResultAsync(string what, Func<ITableApi, CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken) =>
        await ResultOrNullAsync(what, call, false, cancellationToken) ?? throw new InvalidOperationException("unreachable");

    /// <summary>The <c>result</c> of a successful answer; null for 404 when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<JsonElement?> ResultOrNullAsync(
        string what, Func<ITableApi, CancellationToken, Task<HttpResponseMessage>> call, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(what, call, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Refusal(what, response, body);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("result", out var result)
                ? result.Clone()
                : throw AdapterException.Transient(systemName, $"ServiceNow answered {what} with {(int)response.StatusCode} but without a result.");
        }
        catch (JsonException e)
        {
            throw AdapterException.Transient(systemName, $"ServiceNow answered {what} with {(int)response.StatusCode} but with JSON the hub cannot read: {e.Message}", inner: e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string what, Func<ITableApi, CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(api, cancellationToken);
        }
        catch (Exception e) when (Unwrap(e) is AdapterException inner)
        {
            throw inner; // the sign-in's own failure, thrown by the token handler
        }
        catch (Exception e) when (Unreachable(Unwrap(e), what, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Refit wraps what the handlers threw; the hub's own failures and transport errors are inside.</summary>
    private static Exception Unwrap(Exception e) =>
        e is Refit.ApiRequestException or Refit.ApiException && e.InnerException is { } inner ? inner : e;

    private AdapterException? Unreachable(Exception e, string what, CancellationToken cancellationToken) => e switch
    {
        BrokenCircuitException broken => AdapterException.Transient(systemName, $"ServiceNow kept failing, so calls are paused for a while (circuit open); it happened while {what}.", broken.RetryAfter, e),
        TimeoutRejectedException => AdapterException.Transient(systemName, $"ServiceNow did not answer in time while {what}.", null, e),
        HttpRequestException => AdapterException.Transient(systemName, $"ServiceNow could not be reached while {what}: {e.Message}", null, e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => AdapterException.Transient(systemName, $"ServiceNow did not answer in time while {what}.", null, e),
        _ => null,
    };

    private AdapterException Refusal(string what, HttpResponseMessage response, string body)
    {
        var said = ServiceNowErrorBody.Describe(body);
        var status = response.StatusCode;
        var code = (int)status;
        return status switch
        {
            HttpStatusCode.Unauthorized => AdapterException.Permanent(systemName, options.Authentication == ServiceNowAuthentication.Basic
                ? $"ServiceNow refused the sign-in of '{options.Username}' while {what} (401): {said}. Check {keyOf(nameof(options.Username))} and {keyOf(nameof(options.Password))}, and that the user is active and not locked out."
                : $"ServiceNow refused the hub's access token while {what} (401): {said}. Check the OAuth application of {keyOf(nameof(options.ClientId))}."),
            HttpStatusCode.Forbidden => AdapterException.Permanent(systemName,
                $"ServiceNow refused {what} (403): {said}. An ACL, a data policy or a missing role of '{options.EchoUser}' will not pass by retrying."),
            HttpStatusCode.NotFound => AdapterException.Permanent(systemName, $"ServiceNow has no such record while {what} (404): {said}"),
            HttpStatusCode.BadRequest => AdapterException.Permanent(systemName, $"ServiceNow rejected {what} (400): {said}"),
            HttpStatusCode.TooManyRequests => AdapterException.Transient(systemName,
                $"ServiceNow's rate limit rule{RuleOf(response)} stopped {what} (429): {said}; the hub waits as the instance asked.", WaitOf(response)),
            HttpStatusCode.RequestTimeout => AdapterException.Transient(systemName, $"ServiceNow timed out while {what} (408).", RetryAfterHeader.Read(response, time)),
            _ when said.Contains("Transaction cancelled", StringComparison.OrdinalIgnoreCase) => AdapterException.Transient(systemName,
                $"A transaction quota rule of ServiceNow cancelled {what} ({code}): {said}. If it keeps happening, lower {keyOf(nameof(options.PageSize))} (now {options.PageSize}).", RetryAfterHeader.Read(response, time)),
            _ when code >= 500 => AdapterException.Transient(systemName, $"ServiceNow failed while {what} ({code}): {said}", RetryAfterHeader.Read(response, time)),
            _ => AdapterException.Permanent(systemName, $"ServiceNow refused {what} ({code}): {said}"),
        };
    }

    /// <summary>Retry-After, or else the time left until X-RateLimit-Reset (Unix seconds) says the hour's count starts again.</summary>
    private TimeSpan? WaitOf(HttpResponseMessage response)
    {
        if (RetryAfterHeader.Read(response, time) is { } wait)
        {
            return wait;
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }

        return null;
    }

    private static string RuleOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Rule", out var rule) && rule.FirstOrDefault() is { Length: > 0 } id ? $" ({id})" : string.Empty;
}
