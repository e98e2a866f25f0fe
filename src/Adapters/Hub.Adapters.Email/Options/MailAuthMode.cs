namespace Hub.Adapters.Email.Options;

/// <summary>How the hub signs in to its mail servers.</summary>
public enum MailAuthMode
{
    /// <summary>User name and password (or app password) per server.</summary>
    Password,

    /// <summary>SASL XOAUTH2 with an access token from Entra ID client credentials (Microsoft 365 mailboxes).</summary>
    OAuth2,
}
