using System.Security.Cryptography.X509Certificates;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// Tells the Dynamics adapter of one system to trust exactly this server certificate at its token endpoint, besides
/// the certificates the machine trusts anyway. Only for a simulated Entra ID on loopback (sandbox, tests); a hub that
/// registers none validates certificates the normal way, and nothing is ever trusted globally.
/// </summary>
internal sealed record DynamicsTokenEndpointTrust(string SystemName, X509Certificate2 Certificate);
