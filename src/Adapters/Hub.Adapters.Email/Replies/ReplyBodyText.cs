using MimeKit;
using MimeKit.Text;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The reply's body as plain text: the text/plain part when there is one, otherwise the HTML part converted.
/// MimeKit decodes the transfer encoding (quoted-printable, base64) and the charset (ISO-8859-1, UTF-8, ...).
/// </summary>
internal static class ReplyBodyText
{
    /// <summary>
    /// Decoded text beyond this is not read: a contractor's answer is short, and a huge body must not cost
    /// the reader time or memory.
    /// </summary>
    private const int ReadLimit = 200_000;

    public static string Of(MimeMessage message)
    {
        var plain = message.GetTextBody(TextFormat.Plain);
        if (!string.IsNullOrWhiteSpace(plain))
        {
            return Limit(plain);
        }

        var html = message.HtmlBody;
        return string.IsNullOrWhiteSpace(html) ? string.Empty : HtmlReplyText.ToPlainText(Limit(html));
    }

    private static string Limit(string text) => text.Length <= ReadLimit ? text : text[..ReadLimit];
}
