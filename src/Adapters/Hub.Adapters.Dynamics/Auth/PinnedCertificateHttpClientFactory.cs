using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace Hub.Adapters.Dynamics.Auth;

/// <summary>
/// The HttpClient MSAL uses when a system was told to trust one extra certificate (a simulated token endpoint):
/// a certificate passes when the machine trusts it, or when it is exactly the pinned one. Nothing else changes.
/// </summary>
internal sealed class PinnedCertificateHttpClientFactory : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient client;

    public PinnedCertificateHttpClientFactory(X509Certificate2 pinned)
    {
        var pinnedHash = pinned.GetCertHash(HashAlgorithmName.SHA256);
#pragma warning disable CA2000 // The HttpClient owns and disposes the handler.
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinnedHash)),
            },
        };
#pragma warning restore CA2000
        client = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient GetHttpClient() => client;

    public void Dispose() => client.Dispose();
}
