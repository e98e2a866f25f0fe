using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// The Microsoft Entra ID token endpoint for the client credentials grant
/// (<c>POST /{tenant}/oauth2/v2.0/token</c>), with its error bodies, and the tokens it issued.
/// </summary>
internal sealed class EntraTokenEndpoint(DynamicsSimulatorOptions options, string audience, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> issued = new(StringComparer.Ordinal);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    public SimResponse Handle(SimRequest request)
    {
        if (request.Method != "POST" || request.Path != $"{options.TenantId}/oauth2/v2.0/token")
        {
            return request.Path.StartsWith(options.TenantId + "/", StringComparison.Ordinal) || request.Path.Length == 0
                ? Error(404, "invalid_request", 90002, "AADSTS90002: The requested endpoint was not found.")
                : Error(400, "invalid_tenant", 90002, $"AADSTS90002: Tenant '{request.Path.Split('/')[0]}' not found.");
        }

        var form = ParseForm(request.Body);
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return Error(400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported grant type.");
        }

        if (form.GetValueOrDefault("client_id") != options.ClientId)
        {
            return Error(400, "unauthorized_client", 700016, $"AADSTS700016: Application with identifier '{form.GetValueOrDefault("client_id")}' was not found in the directory.");
        }

        if (form.GetValueOrDefault("client_secret") != options.ClientSecret)
        {
            return Error(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
        }

        var scope = form.GetValueOrDefault("scope") ?? string.Empty;
        if (!scope.Split(' ').Contains(audience + "/.default", StringComparer.OrdinalIgnoreCase))
        {
            return Error(400, "invalid_scope", 70011, $"AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");
        }

        var token = "sim." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var lifetime = TokenLifetime;
        issued[token] = time.GetUtcNow() + lifetime;
        return SimResponse.Json(200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
            ["ext_expires_in"] = (int)lifetime.TotalSeconds,
            ["access_token"] = token,
        });
    }

    /// <summary>Every token issued so far stops working (as when an admin revokes the app's sessions).</summary>
    public void RevokeAll() => issued.Clear();

    /// <summary>True when the token was issued here and has not expired.</summary>
    public bool Accepts(string? authorization)
    {
        const string prefix = "Bearer ";
        return authorization is not null
            && authorization.StartsWith(prefix, StringComparison.Ordinal)
            && issued.TryGetValue(authorization[prefix.Length..], out var expires)
            && time.GetUtcNow() < expires;
    }

    private static Dictionary<string, string> ParseForm(string? body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            result[name] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }

        return result;
    }

    private SimResponse Error(int status, string error, int code, string description) => SimResponse.Json(status, new JsonObject
    {
        ["error"] = error,
        ["error_description"] = description + "\r\nTrace ID: " + Guid.NewGuid() + "\r\nCorrelation ID: " + Guid.NewGuid() + "\r\nTimestamp: " + time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["error_codes"] = new JsonArray(code),
        ["timestamp"] = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["trace_id"] = Guid.NewGuid().ToString(),
        ["correlation_id"] = Guid.NewGuid().ToString(),
    });
}
