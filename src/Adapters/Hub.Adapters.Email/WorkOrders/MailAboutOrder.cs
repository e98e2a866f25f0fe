using System.Security.Cryptography;
using System.Text;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// One follow-up or cancellation the hub tried to send about a work order: its Message-ID, when it was first tried and
/// whether the mail server took it. A retry of the same mail (same order, kind and text) within
/// <see cref="RetryWindow"/> reuses the Message-ID, and once it was sent it is not sent again. Mail has no idempotent
/// send, so this is how a retry after a lost answer or a crash between sending and recording stays one mail.
/// </summary>
internal sealed record MailAboutOrder(string MessageId, DateTimeOffset FirstTriedAt, bool Sent)
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(1);

    public bool IsRetryAt(DateTimeOffset now) => now - FirstTriedAt < RetryWindow;

    /// <summary>A short, stable name for the mail's content: the same words with other spacing are the same mail.</summary>
    public static string Fingerprint(string kind, string text)
    {
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + words)))[..32];
    }
}
