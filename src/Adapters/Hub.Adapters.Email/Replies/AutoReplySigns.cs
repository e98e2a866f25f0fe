using MimeKit;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Recognises mail that no person wrote: out-of-office replies and other automatic answers (RFC 3834
/// Auto-Submitted, X-Autoreply/X-Autorespond, Precedence auto_reply/bulk/junk, Exchange's generated-message
/// header, Outlook's "Automatisch antwoord"/"Automatic reply"/"Out of Office" subjects) and delivery reports.
/// </summary>
internal static class AutoReplySigns
{
    private static readonly string[] AutomaticPrecedence = ["auto_reply", "bulk", "junk"];

    private static readonly string[] AutomaticSubjects =
    [
        "automatisch antwoord", "automatic reply", "out of office", "autoreply", "auto-reply", "afwezig:",
    ];

    public static bool Show(MimeMessage message)
    {
        var headers = message.Headers;
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (autoSubmitted is not null && !FirstToken(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond")
            || headers.Contains("X-MS-Exchange-Generated-Message-Source"))
        {
            return true;
        }

        var precedence = headers[HeaderId.Precedence];
        if (precedence is not null && AutomaticPrecedence.Contains(FirstToken(precedence), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var subject = message.Subject?.Trim() ?? string.Empty;
        return AutomaticSubjects.Any(s => subject.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || message.Body is MultipartReport;
    }

    private static string FirstToken(string value) => value.Split(';', 2)[0].Trim();
}
