using System.Net;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// A password or token sent unencrypted to another machine is refused at start unless the system's
/// <c>AllowPlainTextCredentials</c> is true; loopback (localhost, 127.0.0.0/8, ::1) never leaves the machine.
/// </summary>
public static class PlainTextCredentials
{
    /// <summary>The opt-in setting, under <c>Hub:Systems:&lt;name&gt;</c>, the same for every adapter that has it.</summary>
    public const string OptInSetting = "AllowPlainTextCredentials";

    /// <summary>localhost, any 127.0.0.0/8 address or ::1.</summary>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.');
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// The address of a system the hub sends a password or token to: it must be an absolute http(s) URL (else
    /// "must be <paramref name="whatItIs"/>"), and plain http to another machine is refused as sending
    /// <paramref name="credential"/> unencrypted unless <paramref name="allowPlainText"/>.
    /// </summary>
    public static void CheckAddress(SettingProblems problems, string setting, string? value, bool allowPlainText, string whatItIs, string credential)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(setting, $"must be {whatItIs}.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url.Host) && !allowPlainText)
        {
            Refuse(problems, setting, $"'{value}' sends {credential} unencrypted", "https");
        }
    }

    /// <summary>The refusal: names the key and the opt-in, never the credential.</summary>
    public static void Refuse(SettingProblems problems, string setting, string problem, string secureChoice)
    {
        ArgumentNullException.ThrowIfNull(problems);
        problems.Add(setting, $"{problem}; use {secureChoice}, or set {problems.KeyOf(OptInSetting)}=true to allow it.");
    }
}
