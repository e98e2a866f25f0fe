using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Fills "{{name}}" placeholders. The plain version strips control characters from values; the HTML version
/// escapes the template's own text and every value, so case data can never become markup.
/// </summary>
internal static partial class TemplateText
{
    public static string Plain(string template, IReadOnlyDictionary<string, string> values) =>
        Render(template, values, literal => literal, Clean);

    public static string Html(string template, IReadOnlyDictionary<string, string> values)
    {
        var body = Render(template, values, WebUtility.HtmlEncode, value => WebUtility.HtmlEncode(Clean(value)));
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
               + "<div style=\"font-family:sans-serif;white-space:pre-wrap\">" + body + "</div></body></html>";
    }

    /// <summary>One line for a header: control characters and line breaks become spaces.</summary>
    public static string SingleLine(string text) =>
        Whitespace().Replace(new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()), " ").Trim();

    private static string Render(string template, IReadOnlyDictionary<string, string> values, Func<string, string> literal, Func<string, string> value)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            result.Append(literal(template[at..match.Index]));
            result.Append(values.TryGetValue(match.Groups[1].Value, out var v) ? value(v) : literal(match.Value));
            at = match.Index + match.Length;
        }

        result.Append(literal(template[at..]));
        return result.ToString();
    }

    private static string Clean(string value) =>
        new(value.ReplaceLineEndings("\n").Where(c => c == '\n' || c == '\t' || !char.IsControl(c)).ToArray());

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
