using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Simulators.TopDesk;

/// <summary>How TOPdesk derives plain text from a memo, and how a person's typed text is stored as HTML.</summary>
internal static partial class TopDeskHtml
{
    public static string ToPlain(string html) =>
        WebUtility.HtmlDecode(AnyTag().Replace(LineBreak().Replace(html, "\n"), string.Empty));

    public static string FromTyped(string text) =>
        WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>");

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
