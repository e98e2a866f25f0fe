using System.Security.Cryptography.X509Certificates;
using Hub.Simulators;

namespace Hub.Testing.Peers;

/// <summary>
/// The self-signed certificate the test's Dovecot and Postfix present for STARTTLS and TLS-on-connect: issued to
/// 127.0.0.1 (the address the hub connects to), written as PEM files the servers read while still root.
/// </summary>
internal static class MailServerCertificate
{
    public static (string CertificatePath, string KeyPath) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        using var certificate = LoopbackCertificate.Create("mail.hub.test", "mail.hub.test", TimeProvider.System);
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The mail server certificate has no RSA key.");
        var certificatePath = Path.Combine(directory, "mail.pem");
        var keyPath = Path.Combine(directory, "mail.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
