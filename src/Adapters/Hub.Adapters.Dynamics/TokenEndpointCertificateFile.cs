using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// <c>Hub:Systems:&lt;name&gt;:TokenEndpointCertificateFile</c>: a certificate file (DER or PEM) that the token endpoint
/// may present besides certificates the machine already trusts — for an identity provider on a private CA, or the
/// simulated Entra ID that end-to-end tests run the hub against. Only that exact certificate is added.
/// </summary>
internal static class TokenEndpointCertificateFile
{
    public const string Setting = "TokenEndpointCertificateFile";

    public static X509Certificate2? Load(SystemContext context)
    {
        var path = context.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new HubConfigurationException(context.KeyOf(Setting), $"the file '{path}' does not exist; give the path of the token endpoint's certificate (.cer, DER or PEM) or leave the setting out.");
        }

        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException failure)
        {
            throw new HubConfigurationException(context.KeyOf(Setting), $"'{path}' is not a certificate file (DER or PEM): {failure.Message}");
        }
    }
}
