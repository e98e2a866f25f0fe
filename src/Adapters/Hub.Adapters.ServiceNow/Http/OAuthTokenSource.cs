using System.Net;
using System.Text.Json;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.ServiceNow.Http;

/// <summary>
/// Access tokens from the instance's <c>POST /oauth_token.do</c> (form-encoded): client credentials, or the password
/// grant whose refresh token renews it (the refresh grant gives an access token only). A token is kept until a minute
/// before it expires; a refused refresh falls back to a new grant. Secrets never reach a message or a log.
/// </summary>
internal sealed class OAuthTokenSource(HttpClient http, ServiceNowOptions options, string systemName, Func<string, string> keyOf, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? accessToken;
    private string? refreshToken;
    private DateTimeOffset expiresAt;

    public async Task<string> GetTokenAsync(bool forceNew, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!forceNew && accessToken is not null && time.GetUtcNow() < expiresAt - Margin)
            {
                return accessToken;
            }

            if (refreshToken is not null && await RequestAsync(Form("refresh_token", ("refresh_token", refreshToken)), refusedIsNull: true, cancellationToken) is { } refreshed)
            {
                return refreshed;
            }

            refreshToken = null;
            var grant = options.Authentication == ServiceNowAuthentication.OAuthPassword
                ? Form("password", ("username", options.Username), ("password", options.Password))
                : Form("client_credentials");
            return (await RequestAsync(grant, refusedIsNull: false, cancellationToken))!;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private Dictionary<string, string> Form(string grantType, params (string Name, string Value)[] more)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret };
        foreach (var (name, value) in more)
        {
            form[name] = value;
        }

        return form;
    }

    private async Task<string?> RequestAsync(Dictionary<string, string> form, bool refusedIsNull, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await http.PostAsync(new Uri("oauth_token.do", UriKind.Relative), content, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw AdapterException.Transient(systemName, $"ServiceNow's token endpoint could not be reached: {e.Message}", inner: e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                return refusedIsNull ? null : throw AdapterException.Permanent(systemName,
                    $"ServiceNow's token endpoint refused the {form["grant_type"]} grant ({(int)response.StatusCode}): {ServiceNowErrorBody.Describe(body)}. " +
                    $"Check {keyOf(nameof(options.ClientId))} and {keyOf(nameof(options.ClientSecret))}" +
                    (options.Authentication == ServiceNowAuthentication.OAuthClientCredentials
                        ? ", that glide.oauth.inbound.client.credential.grant_type.enabled is true and that the client has an OAuth Application User."
                        : $", {keyOf(nameof(options.Username))} and {keyOf(nameof(options.Password))}."));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw AdapterException.Transient(systemName, $"ServiceNow's token endpoint failed ({(int)response.StatusCode}): {ServiceNowErrorBody.Describe(body)}");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                accessToken = root.GetProperty("access_token").GetString() ?? throw new JsonException("access_token is null");
                var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 1800;
                expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(lifetime);
                if (root.TryGetProperty("refresh_token", out var refresh) && refresh.GetString() is { Length: > 0 } given)
                {
                    refreshToken = given;
                }

                return accessToken;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw AdapterException.Transient(systemName, "ServiceNow's token endpoint answered without an access token the hub can read.", inner: e);
            }
        }
    }
}
