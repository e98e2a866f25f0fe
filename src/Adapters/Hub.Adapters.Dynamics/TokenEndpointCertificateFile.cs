using System.Security.Cryptography.X509Certificates;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// <c>Hub:Systems:&lt;name&gt;:TokenEndpointCertificateFile</c>: a certificate file (DER or PEM) that the token endpoint
/// may present besides certificates the machine already trusts — for an identity provider on a private CA, or the
/// simulated Entra ID that end-to-end tests run the hub against. Only that exact certificate is added. The validator
/// has checked that the file exists and holds a certificate.
/// </summary>
internal static class TokenEndpointCertificateFile
{
    public static X509Certificate2 Load(string path) => X509CertificateLoader.LoadCertificateFromFile(path);
}
