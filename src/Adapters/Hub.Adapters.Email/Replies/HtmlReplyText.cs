using System.Text;
using HtmlAgilityPack;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Turns an HTML-only reply into plain text with HtmlAgilityPack: scripts, styles and other non-content
/// elements are dropped, attributes are never read, entities are decoded, block elements become line breaks
/// and a horizontal rule becomes the Outlook separator line so the quote below it is recognised.
/// Quoted blocks (blockquote, Gmail's gmail_quote) are removed here, where the markup still says what they are.
/// </summary>
internal static class HtmlReplyText
{
    public const string RuleLine = "________________________________";

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "iframe", "object", "embed", "svg", "math",
        "canvas", "video", "audio", "select", "button", "textarea", "input", "form", "blockquote",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "section", "article", "header", "footer", "address", "dl", "dt", "dd", "center", "main", "aside",
        "nav", "figure", "figcaption", "body", "html", "td", "th",
    };

    /// <summary>Real mail nests a few dozen elements deep; parsing cost grows with the square of the depth.</summary>
    public const int MaxNesting = 500;

    /// <exception cref="InvalidDataException">The markup nests deeper than <see cref="MaxNesting"/> elements.</exception>
    public static string ToPlainText(string html)
    {
        var document = new HtmlDocument { OptionMaxNestedChildNodes = MaxNesting };
        try
        {
            document.LoadHtml(html);
        }
        catch (Exception e) when (e.GetType() == typeof(Exception))
        {
            // HtmlAgilityPack reports nesting beyond OptionMaxNestedChildNodes with a bare Exception.
            throw new InvalidDataException($"The reply's HTML nests more than {MaxNesting} elements deep; it is not read.", e);
        }

        var text = new StringBuilder();
        Append(document.DocumentNode, text);
        return text.ToString();
    }

    /// <summary>Walks the tree with its own stack, so deeply nested hostile markup cannot overflow the call stack.</summary>
    private static void Append(HtmlNode root, StringBuilder text)
    {
        var pending = new Stack<(HtmlNode Node, bool Closing)>();
        pending.Push((root, false));
        while (pending.TryPop(out var item))
        {
            var (node, closing) = item;
            if (closing)
            {
                LineBreak(text);
                continue;
            }

            switch (node.NodeType)
            {
                case HtmlNodeType.Comment:
                    continue;
                case HtmlNodeType.Text:
                    AppendText(HtmlEntity.DeEntitize(((HtmlTextNode)node).Text) ?? string.Empty, text);
                    continue;
            }

            var name = node.Name;
            if (Dropped.Contains(name) || IsGmailQuote(node))
            {
                continue;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
                continue;
            }

            if (name.Equals("hr", StringComparison.OrdinalIgnoreCase))
            {
                LineBreak(text);
                text.Append(RuleLine).Append('\n');
                continue;
            }

            if (Blocks.Contains(name))
            {
                LineBreak(text);
                pending.Push((node, true));
            }

            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push((node.ChildNodes[i], false));
            }
        }
    }

    private static bool IsGmailQuote(HtmlNode node) =>
        node.GetClasses().Any(c => c.Equals("gmail_quote", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whitespace in markup is layout, not content: runs collapse to one space.</summary>
    private static void AppendText(string content, StringBuilder text)
    {
        foreach (var c in content)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c == '\u00A0' ? ' ' : c);
            }
        }
    }

    private static void LineBreak(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
