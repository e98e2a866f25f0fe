namespace Hub.Adapters.ServiceNow;

/// <summary>How the hub signs in to the instance.</summary>
public enum ServiceNowAuthentication
{
    /// <summary>HTTP Basic with the integration user's user name and password on every request.</summary>
    Basic,

    /// <summary>
    /// OAuth 2.0 client credentials at <c>/oauth_token.do</c>: the instance needs
    /// glide.oauth.inbound.client.credential.grant_type.enabled = true and an OAuth Application User on the client.
    /// </summary>
    OAuthClientCredentials,

    /// <summary>OAuth 2.0 password grant (client id and secret plus the integration user's password), refreshed with its refresh token.</summary>
    OAuthPassword,
}
