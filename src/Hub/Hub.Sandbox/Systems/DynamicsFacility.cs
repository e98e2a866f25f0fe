using System.Security.Cryptography.X509Certificates;
using Hub.Simulators.Dynamics;

namespace Hub.Sandbox.Systems;

/// <summary>
/// The building manager's Dynamics 365 with its Entra ID token endpoint: the hub opens a case (CAS-…), which is resolved
/// when the contractor reports done. The simulated Entra ID's certificate goes into a file named by
/// <c>TokenEndpointCertificateFile</c>, as a site with a private identity provider would trust it.
/// </summary>
internal sealed class DynamicsFacility : SandboxFacility
{
    private readonly DynamicsSimulator dynamics = new();

    public override string Product => "Dynamics 365";

    public override string Url => dynamics.Url.ToString();

    public override IReadOnlyDictionary<string, string?> SettingsFor(string systemName, string folder)
    {
        var certificate = Path.Combine(folder, "token-endpoint.cer");
        File.WriteAllBytes(certificate, dynamics.TokenEndpointCertificate.Export(X509ContentType.Cert));
        return new Dictionary<string, string?>(dynamics.SettingsFor(systemName))
        {
            [$"Hub:Systems:{systemName}:TokenEndpointCertificateFile"] = certificate,
        };
    }

    public override bool HasResolved() => dynamics.Cases.Any(c => c.StateCode == 1);

    public override void Dispose() => dynamics.Dispose();
}
