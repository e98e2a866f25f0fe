using System.Net.Http.Json;
using System.Text.Json;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>
/// Talks to one org: the Refit API, following @odata.nextLink / @odata.deltaLink on the same client, reading JSON,
/// and turning transport failures and refusals into <see cref="AdapterException"/>s.
/// </summary>
internal sealed class DataverseConnection(IDataverseApi api, HttpClient http, DynamicsOrgSession session, DynamicsOptions options, string systemName, TimeProvider time)
{
    public string SystemName => systemName;

    public DynamicsOptions Options => options;

    /// <summary>The org's circuit breaker, shared by every system on the same org and app registration.</summary>
    public SystemCircuit Circuit => session.Circuit;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<HttpResponseMessage> SendAsync(Func<IDataverseApi, CancellationToken, Task<HttpResponseMessage>> call, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await call(api, cancellationToken);
        }
        catch (Exception e) when (e is not AdapterException && Translate(Unwrap(e), action, cancellationToken) is { } failure)
        {
            throw failure;
        }
        catch (Exception e) when (Unwrap(e) is AdapterException inner)
        {
            throw inner;
        }
    }

    /// <summary>Refit wraps what the handlers threw; the hub's own failures and transport errors are inside.</summary>
    private static Exception Unwrap(Exception e) =>
        e is Refit.ApiRequestException or Refit.ApiException && e.InnerException is { } inner ? inner : e;

    private AdapterException? Translate(Exception e, string action, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException => AdapterException.Transient(systemName, $"Cannot reach Dynamics at {options.OrgUrl.Host} to {action}: {e.Message}", null, e),
        TimeoutRejectedException => AdapterException.Transient(systemName, $"Dynamics did not answer in time to {action}.", null, e),
        BrokenCircuitException broken => AdapterException.Transient(systemName, $"Dynamics failed repeatedly; the hub pauses calls to it before trying to {action} again.", broken.RetryAfter, e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => AdapterException.Transient(systemName, $"Dynamics did not answer in time to {action}.", null, e),
        _ => null,
    };

    /// <summary>GETs a link the org handed out (next page, delta); refuses links to another host, which would get our token.</summary>
    public Task<HttpResponseMessage> FollowAsync(string link, string prefer, string action, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !string.Equals(uri.GetLeftPart(UriPartial.Authority), options.ApiUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw AdapterException.Permanent(systemName, $"Dynamics handed out a paging link to another host ({uri?.Host ?? link}); the hub will not follow it.");
        }

        return SendAsync(async (_, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
            return await http.SendAsync(request, ct);
        }, action, cancellationToken);
    }

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, action, cancellationToken);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw AdapterException.Transient(systemName, $"Dynamics answered with an empty body to {action}.");
        }
        catch (JsonException e)
        {
            throw AdapterException.Transient(systemName, $"Dynamics answered with a body the hub cannot read to {action}: {e.Message}", null, e);
        }
    }

    public Task<AdapterException> FailureAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken) =>
        DataverseFailure.FromAsync(response, systemName, action, time, cancellationToken);

    /// <summary>The hub's own systemuserid in this org (WhoAmI), asked once and kept.</summary>
    public Task<Guid> AppUserIdAsync(CancellationToken cancellationToken) =>
        session.AppUserIdAsync(async ct =>
        {
            using var response = await SendAsync((a, c) => a.WhoAmIAsync(c), "ask who the hub's user is (WhoAmI)", ct);
            return (await ReadAsync<WhoAmIResult>(response, "ask who the hub's user is (WhoAmI)", ct)).UserId;
        }, cancellationToken);
}
