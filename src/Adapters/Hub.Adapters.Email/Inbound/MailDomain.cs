using System.Globalization;

namespace Hub.Adapters.Email.Inbound;

/// <summary>Domain names as authentication results compare them: case-insensitive, without a trailing dot, IDNs as A-labels.</summary>
internal static class MailDomain
{
    private static readonly IdnMapping Idn = new();

    public static string Normalize(string? domain)
    {
        var name = (domain ?? string.Empty).Trim().TrimEnd('.');
        if (name.Length == 0)
        {
            return name;
        }

        try
        {
            return Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return name.ToLowerInvariant();
        }
    }

    /// <summary>The domain of "user@example.org" or "@example.org"; the whole value when it has no "@".</summary>
    public static string Of(string? identity)
    {
        var value = identity ?? string.Empty;
        return Normalize(value[(value.LastIndexOf('@') + 1)..]);
    }

    public static bool Same(string? one, string? other)
    {
        var a = Normalize(one);
        return a.Length > 0 && a == Normalize(other);
    }

    /// <summary>
    /// Relaxed alignment (RFC 7489 §3.1) without the Public Suffix List: the same domain, or one a subdomain of the other
    /// ("mail.contractor.example" and "contractor.example"). The shorter must have two labels at least, so a bare top-level
    /// domain aligns with nothing; signing for a parent domain takes that parent's DNS, which only its owner has.
    /// </summary>
    public static bool Aligned(string? one, string? other)
    {
        var a = Normalize(one);
        var b = Normalize(other);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Contains('.', StringComparison.Ordinal)
               && (longer == shorter || longer.EndsWith("." + shorter, StringComparison.Ordinal));
    }
}
