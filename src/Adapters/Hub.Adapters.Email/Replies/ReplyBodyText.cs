using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The reply's body as plain text: the first text/plain part that is not an attachment, otherwise the first
/// HTML part converted. MimeKit decodes the transfer encoding (quoted-printable, base64) and the charset
/// (ISO-8859-1, Windows-1252, UTF-8, ...); format=flowed lines are joined again.
/// Attached messages (message/rfc822) are not the contractor's words and are not read.
/// </summary>
internal static partial class ReplyBodyText
{
    /// <summary>
    /// Decoded text beyond this is not read: a contractor's answer is short, and a huge body must not cost
    /// the reader time or memory.
    /// </summary>
    private const int ReadLimit = 100_000;

    public static string Of(MimeMessage message)
    {
        if (FirstBodyPart(message.Body, part => part.IsPlain) is { } plain && !string.IsNullOrWhiteSpace(plain.Text))
        {
            return Limit(plain.IsFlowed ? Unflow(plain) : plain.Text);
        }

        return FirstBodyPart(message.Body, part => part.IsHtml) is { } html && !string.IsNullOrWhiteSpace(html.Text)
            ? HtmlReplyText.ToPlainText(Limit(html.Text))
            : string.Empty;
    }

    private static TextPart? FirstBodyPart(MimeEntity? entity, Func<TextPart, bool> wanted) => entity switch
    {
        TextPart text when !text.IsAttachment && wanted(text) => text,
        Multipart multipart => multipart.Select(child => FirstBodyPart(child, wanted)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string Unflow(TextPart part)
    {
        var deleteSpace = part.ContentType.Parameters.TryGetValue("delsp", out string? delsp)
            && string.Equals(delsp, "yes", StringComparison.OrdinalIgnoreCase);
        // RFC 3676 keeps the "-- " signature delimiter out of flowing; FlowedToText would join it to the next line.
        var text = SignatureDelimiter().Replace(part.Text, "--");
        return new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
    }

    [GeneratedRegex(@"^-- \r?$", RegexOptions.Multiline)]
    private static partial Regex SignatureDelimiter();

    private static string Limit(string text) => Hub.Abstractions.Model.TextCut.Head(text, ReadLimit);
}
