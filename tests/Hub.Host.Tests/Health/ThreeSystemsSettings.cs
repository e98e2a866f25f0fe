using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Host.Tests.Health;

/// <summary>
/// The settings of the three systems the host tests configure: "servicedesk" on a simulated TOPdesk, "facility" on a
/// simulated Dynamics 365 (its token endpoint's certificate written to the given folder), "contractor" on
/// pickup folders below that folder; no retries, so a dead peer answers at once.
/// </summary>
internal static class ThreeSystemsSettings
{
    public static readonly string[] MailFolders = ["Outbox", "Inbox", "Processed", "Quarantine"];

    public static Dictionary<string, string?> For(TopDeskSimulator topDesk, DynamicsSimulator dynamics, string folder)
    {
        var certificate = Path.Combine(folder, "token-endpoint.cer");
        File.WriteAllBytes(certificate, dynamics.TokenEndpointCertificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));
        var settings = new Dictionary<string, string?>(topDesk.SettingsFor("servicedesk").Concat(dynamics.SettingsFor("facility")))
        {
            ["Hub:Systems:facility:TokenEndpointCertificateFile"] = certificate,
            ["Hub:Systems:servicedesk:Http:MaxRetries"] = "0",
            ["Hub:Systems:facility:Http:MaxRetries"] = "0",
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:Transport"] = "Directory",
            ["Hub:Systems:contractor:From"] = "hub@facility.example",
        };
        foreach (var name in MailFolders)
        {
            settings[$"Hub:Systems:contractor:Directory:{name}"] = Path.Combine(folder, name);
        }

        return settings;
    }
}
