using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// The order token in a work order's subject, e.g. "[WO-7K3QX9PM]": eight characters drawn by a cryptographic
/// random generator from an alphabet without look-alikes (no 0/O, 1/I), 40 bits, so nobody can guess another
/// order's token.
/// </summary>
internal static partial class WorkOrderToken
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "WO-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 8));

    /// <summary>The token in a subject line, upper-cased; null when there is none.</summary>
    public static string? FindIn(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var match = TokenPattern().Match(subject);
        return match.Success ? match.Groups[1].Value.ToUpperInvariant() : null;
    }

    public static string Tag(string token) => $"[{token}]";

    [GeneratedRegex(@"\[\s*(WO-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenPattern();
}
