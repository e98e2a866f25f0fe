using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Abstractions.Model;

namespace Hub.Adapters.TopDesk.Writing;

/// <summary>
/// Text between the hub (plain text) and TOPdesk (memo fields rendered as a small HTML subset, where a newline is
/// not shown but <c>&lt;br&gt;</c> is).
/// </summary>
internal static partial class TopDeskText
{
    /// <summary>Plain text from another system made safe for a TOPdesk memo: markup escaped, line breaks kept.</summary>
    public static string ToHtml(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var builder = new StringBuilder(plain.Length + 16);
        foreach (var c in plain.ReplaceLineEndings("\n"))
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' => "<br>",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A TOPdesk memo as plain text: <c>&lt;br&gt;</c> becomes a line break, other tags go, entities are decoded.</summary>
    public static string ToPlain(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var withBreaks = LineBreakTag().Replace(html, "\n");
        var withoutTags = AnyTag().Replace(withBreaks, string.Empty);
        return WebUtility.HtmlDecode(withoutTags).Trim();
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters on whole characters, ending in "…" when it had to cut.</summary>
    public static string Cut(string text, int max) => TextCut.Shorten(text, max);

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
