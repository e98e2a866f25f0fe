namespace Hub.Adapters.Dynamics.Auth;

/// <summary>
/// The access token Entra ID last issued for one org, handed out again without asking MSAL until
/// <see cref="RenewalMargin"/> before it expires. MSAL would hand out the same token from its cache, but its cache
/// look-up costs CPU on every call (it serialises and parses JSON), and every Dataverse request asks for the token.
/// </summary>
internal sealed class HeldToken(TimeProvider time)
{
    /// <summary>
    /// How long before it expires a held token is no longer handed out, so MSAL is asked again: MSAL's own margin for
    /// the tokens in its cache (five minutes), so no token is used closer to its end than MSAL alone would use it, and a
    /// request that waits in the service protection gate or retries inline still goes out with a valid token.
    /// </summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private Issued? issued;

    /// <summary>The held token while it is usable on the hub's clock; null when MSAL must be asked.</summary>
    public string? Current => Volatile.Read(ref issued) is { } held && time.GetUtcNow() < held.UsableUntil ? held.AccessToken : null;

    /// <summary>
    /// Holds a token MSAL handed out, unless one usable for longer is held already: requests that ask at the same time
    /// (one of them forcing a new token after a 401) cannot put the older token back.
    /// </summary>
    public void Keep(string accessToken, DateTimeOffset expiresOn)
    {
        var fresh = new Issued(accessToken, expiresOn - RenewalMargin);
        while (true)
        {
            var held = Volatile.Read(ref issued);
            if (held is not null && held.UsableUntil > fresh.UsableUntil)
            {
                return;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref issued, fresh, held), held))
            {
                return;
            }
        }
    }

    private sealed record Issued(string AccessToken, DateTimeOffset UsableUntil);
}
