namespace Hub.Adapters.Email.Options;

/// <summary>Entra ID client credentials for XOAUTH2 (an app registration with IMAP/SMTP application permissions).</summary>
public sealed class OAuth2Options
{
    /// <summary>Token endpoint base; the tenant id is appended.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com/";
    public string TenantId { get; set; } = string.Empty;
    public string ClientId { get; set; } = string.Empty;
    public string ClientSecret { get; set; } = string.Empty;
    public string Scope { get; set; } = "https://outlook.office365.com/.default";
}
