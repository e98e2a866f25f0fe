using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Engine.Audit;

/// <summary>
/// What a person types to name a complaint: a hub id, a TOPdesk number ("I 2026 042" or "I2026042"), a Dynamics
/// ticket number, a work-order token ("[WO-7K3QX9PM]") or any system's record id. Gives the spellings worth
/// looking up in the indexes, and the compact form (no spaces, upper case) for a tolerant comparison.
/// </summary>
public static partial class CaseReference
{
    public static string Clean(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.Trim();
        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1].Trim();
        }

        return Whitespace().Replace(text, " ");
    }

    /// <summary>No whitespace, upper case: "i 2026 042" and "I2026042" give the same compact form.</summary>
    public static string Compact(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var builder = new StringBuilder(reference.Length);
        foreach (var c in reference.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The spellings of <paramref name="reference"/> that an exact, indexed lookup should try.</summary>
    public static IReadOnlyList<string> Spellings(string reference)
    {
        var clean = Clean(reference);
        var compact = Compact(clean);
        var spellings = new List<string> { clean, clean.ToUpperInvariant(), clean.ToLowerInvariant(), compact };
        var split = LettersYearNumber().Match(compact);
        if (split.Success)
        {
            var (letters, year, number) = (split.Groups[1].Value, split.Groups[2].Value, split.Groups[3].Value);
            spellings.Add(string.Create(CultureInfo.InvariantCulture, $"{letters} {year} {number}"));
            spellings.Add(string.Create(CultureInfo.InvariantCulture, $"{letters}{year} {number}"));
            spellings.Add(string.Create(CultureInfo.InvariantCulture, $"{letters} {year}{number}"));
        }

        return [.. spellings.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // TOPdesk's default numbering: a letter prefix, a four-digit year-and-month block and a serial ("I 2026 042").
    [GeneratedRegex(@"^([A-Z]+)(\d{4})(\d+)$")]
    private static partial Regex LettersYearNumber();
}
