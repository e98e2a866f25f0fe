using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>
/// Runs one call to TOPdesk and turns every way it can fail into an <see cref="AdapterException"/> an admin can act
/// on: transient for outages, timeouts and throttling, permanent for what will not pass by itself. Messages
/// name the operator's login (never the password) and the configuration key to fix.
/// </summary>
internal sealed class TopDeskCalls(string systemName, string username, string passwordKey, TimeProvider time)
{
    public string SystemName => systemName;

    /// <summary>Runs a call whose success has a body; a list answered with 204 gives <paramref name="empty"/>.</summary>
    public async Task<(T Content, HttpStatusCode Status)> SendAsync<T>(
        string what, Func<Task<IApiResponse<T>>> call, Func<T>? empty = null)
    {
        var (content, status, _) = await SendDatedAsync(what, call, empty);
        return (content, status);
    }

    /// <summary>
    /// As <see cref="SendAsync{T}"/>, with the moment TOPdesk answered by its own clock (the HTTP Date header, whole
    /// seconds), or null when it did not say.
    /// </summary>
    public async Task<(T Content, HttpStatusCode Status, DateTimeOffset? AnsweredAt)> SendDatedAsync<T>(
        string what, Func<Task<IApiResponse<T>>> call, Func<T>? empty = null)
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (ApiException ex)
        {
            throw Translate(what, ex.StatusCode, ex.Content, RetryAfterOf(ex.Headers?.RetryAfter), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or BrokenCircuitException or TimeoutRejectedException or ApiRequestException)
        {
            throw Unreachable(what, ex);
        }

        if (response.HasRequestError(out var requestError) || response.StatusCode is not { } status)
        {
            throw Unreachable(what, (Exception?)requestError ?? new HttpRequestException("no answer"));
        }

        var answeredAt = response.Headers?.Date;
        if (status == HttpStatusCode.NoContent && empty is not null)
        {
            return (empty(), status, answeredAt);
        }

        if (!response.IsSuccessStatusCode)
        {
            var apiError = response.Error as ApiException;
            throw Translate(what, status, apiError?.Content, RetryAfterOf(response.Headers?.RetryAfter), response.Error);
        }

        if (response.Error is not null || response.Content is null)
        {
            var detail = response.Error?.InnerException is JsonException json ? json.Message : "the body is empty";
            throw AdapterException.Transient(systemName, $"TOPdesk answered {what} with {(int)status} but with JSON the hub cannot read: {detail}", inner: response.Error);
        }

        return (response.Content, status, answeredAt);
    }

    private AdapterException Unreachable(string what, Exception failure)
    {
        var cause = failure is ApiRequestException { InnerException: { } inner } ? inner : failure;
        return cause switch
        {
            OperationCanceledException canceled => throw canceled,
            BrokenCircuitException broken => AdapterException.Transient(systemName,
                $"TOPdesk kept failing, so calls are paused for a while (circuit open); it happened while {what}.", broken.RetryAfter, failure),
            TimeoutRejectedException => AdapterException.Transient(systemName, $"TOPdesk did not answer in time while {what}.", inner: failure),
            _ => AdapterException.Transient(systemName, $"TOPdesk could not be reached while {what}: {cause.Message}", inner: failure),
        };
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        if (header is null)
        {
            return null;
        }

        using var message = new HttpResponseMessage();
        message.Headers.RetryAfter = header;
        return RetryAfterHeader.Read(message, time);
    }

    private AdapterException Translate(string what, HttpStatusCode status, string? body, TimeSpan? retryAfter, Exception? inner)
    {
        var said = TopDeskErrorBody.Describe(body);
        var code = (int)status;
        return status switch
        {
            HttpStatusCode.Unauthorized => AdapterException.Permanent(systemName,
                $"TOPdesk refused the login of operator '{username}' while {what} (401): the application password is wrong or expired. " +
                $"Create a new application password for this operator and set it in {passwordKey}.", inner),
            HttpStatusCode.Forbidden => AdapterException.Permanent(systemName,
                $"TOPdesk refused {what} (403): {said}. An archived incident or missing operator rights will not pass by retrying.", inner),
            HttpStatusCode.BadRequest => AdapterException.Permanent(systemName, $"TOPdesk rejected {what} (400): {said}", inner),
            HttpStatusCode.NotFound => AdapterException.Permanent(systemName, $"TOPdesk does not know what was asked while {what} (404): {said}", inner),
            HttpStatusCode.TooManyRequests => AdapterException.Transient(systemName, $"TOPdesk asked the hub to slow down while {what} (429).", retryAfter, inner),
            HttpStatusCode.RequestTimeout => AdapterException.Transient(systemName, $"TOPdesk timed out while {what} (408).", retryAfter, inner),
            _ when code >= 500 => AdapterException.Transient(systemName, $"TOPdesk failed while {what} ({code}): {said}", retryAfter, inner),
            _ => AdapterException.Permanent(systemName, $"TOPdesk refused {what} ({code}): {said}", inner),
        };
    }
}
