namespace Hub.Adapters.Email.Options;

/// <summary>
/// Which <c>Authentication-Results</c> header (RFC 8601) the hub believes, and what it must say, bound from
/// <c>Hub:Systems:&lt;name&gt;:SenderAuthentication</c>.
/// </summary>
public sealed class SenderAuthenticationOptions
{
    /// <summary>
    /// The value <see cref="AuthServId"/> takes for Microsoft 365 (Exchange Online), whose header carries no authserv-id
    /// at all: then the topmost header without one is the trusted one.
    /// </summary>
    public const string Microsoft365 = "Microsoft365";

    public SenderAuthenticationRequirement Require { get; set; } = SenderAuthenticationRequirement.None;

    /// <summary>
    /// The authserv-id the hub's own mail server writes first in its header ("mx.example.org", Gmail's "mx.google.com"),
    /// or <see cref="Microsoft365"/>. Only the topmost header with this id counts.
    /// </summary>
    public string AuthServId { get; set; } = string.Empty;
}
