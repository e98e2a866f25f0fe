using System.Security.Cryptography;
using System.Text;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// One follow-up or cancellation the hub tried to send about a work order: its Message-ID, when it was first tried and
/// whether the mail server took it. A retry of the same mail (same order, kind and text) within
/// <see cref="RetryWindow"/> reuses the Message-ID, and once it was sent it is not sent again. Mail has no idempotent
/// send, so this is how a retry after a lost answer or a crash between sending and recording stays one mail.
/// <para><see cref="HandedOverAt"/> is set just before the mail is handed to the server and stays set until the server's
/// answer is recorded: a retry that finds it set and <see cref="Sent"/> false does not know whether the mail went out,
/// and first looks for the mail's copy in the hub's own mailbox.</para>
/// </summary>
internal sealed record MailAboutOrder(string MessageId, DateTimeOffset FirstTriedAt, bool Sent, DateTimeOffset? HandedOverAt = null)
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(1);

    public bool IsRetryAt(DateTimeOffset now) => now - FirstTriedAt < RetryWindow;

    /// <summary>Handed to the server, answer never recorded: maybe sent.</summary>
    public bool OutcomeUnknown => !Sent && HandedOverAt is not null;

    /// <summary>A short, stable name for the mail's content: the same words with other spacing are the same mail.</summary>
    public static string Fingerprint(string kind, string text)
    {
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + words)))[..32];
    }
}
