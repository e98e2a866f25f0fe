using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Which certificates a mail server may present: any the machine trusts for the server's name, and — when
/// <c>Smtp:CertificateFile</c> or <c>Imap:CertificateFile</c> is set — that exact certificate too (a server on a
/// private CA or with a self-signed certificate). The name must match either way.
/// </summary>
internal sealed class ServerCertificateTrust
{
    private readonly byte[]? pinned;

    private ServerCertificateTrust(byte[]? pinned) => this.pinned = pinned;

    public static ServerCertificateTrust MachineOnly { get; } = new(null);

    /// <exception cref="CryptographicException">The file is not a certificate (DER or PEM).</exception>
    public static ServerCertificateTrust AlsoFile(string path)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
        return new ServerCertificateTrust(certificate.RawData);
    }

    public RemoteCertificateValidationCallback? Callback => pinned is null ? null : Accepts;

    private bool Accepts(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned));
}
