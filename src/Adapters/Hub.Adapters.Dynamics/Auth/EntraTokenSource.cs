using System.Net.Sockets;
using Hub.Abstractions.Adapters;
using Microsoft.Identity.Client;

namespace Hub.Adapters.Dynamics.Auth;

/// <summary>
/// Gets the hub's access token for one org from Microsoft Entra ID with the client credentials grant (MSAL), scope
/// "{org}/.default". MSAL keeps the token in its cache and asks for a new one shortly before it expires; the token it
/// hands out is held (<see cref="HeldToken"/>) and reused without asking MSAL until shortly before it expires.
/// </summary>
internal sealed class EntraTokenSource
{
    private static readonly string[] KnownEntraHosts =
    [
        "login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
    ];

    private readonly IConfidentialClientApplication app;
    private readonly string[] scopes;
    private readonly string systemName;
    private readonly HeldToken held;

    public EntraTokenSource(DynamicsOptions options, string systemName, IMsalHttpClientFactory? httpClientFactory, TimeProvider time)
    {
        this.systemName = systemName;
        held = new HeldToken(time);
        scopes = [options.Scope];
        var builder = ConfidentialClientApplicationBuilder
            .Create(options.ClientId)
            .WithClientSecret(options.ClientSecret)
            .WithAuthority(new Uri(options.AuthorityUrl, options.TenantId + "/"))
            // Instance discovery asks login.microsoftonline.com about the authority; only meaningful for Entra's own hosts.
            .WithInstanceDiscovery(KnownEntraHosts.Contains(options.AuthorityUrl.Host, StringComparer.OrdinalIgnoreCase));
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        app = builder.Build();
    }

    /// <summary>
    /// A valid access token: the held one, else from MSAL's cache or fresh; <paramref name="forceRefresh"/> (the org
    /// refused the token) skips both.
    /// </summary>
    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        !forceRefresh && held.Current is { } token ? Task.FromResult(token) : AcquireAsync(forceRefresh, cancellationToken);

    private async Task<string> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await app.AcquireTokenForClient(scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
            held.Keep(result.AccessToken, result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalServiceException e) when (e.StatusCode is 400 or 401 or 403 || e.ErrorCode is "invalid_client" or "unauthorized_client" or "invalid_scope" or "invalid_tenant")
        {
            throw AdapterException.Permanent(systemName,
                $"Microsoft Entra ID refused the hub's sign-in ({e.ErrorCode}, HTTP {e.StatusCode}): the tenant id, client id or client secret is wrong or the secret has expired. Entra said: {FirstLine(e.Message)}",
                e);
        }
        catch (MsalServiceException e)
        {
            throw AdapterException.Transient(systemName, $"Microsoft Entra ID did not issue a token ({e.ErrorCode}, HTTP {e.StatusCode}); will try again.", null, e);
        }
        catch (MsalClientException e) when (e.InnerException is HttpRequestException or SocketException or TaskCanceledException)
        {
            throw AdapterException.Transient(systemName, "Cannot reach the token endpoint of Microsoft Entra ID: " + e.InnerException!.Message, null, e);
        }
        catch (HttpRequestException e)
        {
            throw AdapterException.Transient(systemName, "Cannot reach the token endpoint of Microsoft Entra ID: " + e.Message, null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw AdapterException.Transient(systemName, "The token endpoint of Microsoft Entra ID did not answer in time.", null, e);
        }
        catch (MsalException e)
        {
            throw AdapterException.Permanent(systemName, $"The hub cannot sign in to Microsoft Entra ID ({e.ErrorCode}): {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
