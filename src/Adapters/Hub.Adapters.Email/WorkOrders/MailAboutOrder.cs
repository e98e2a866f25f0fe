using System.Security.Cryptography;
using System.Text;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// One follow-up or cancellation the hub tried to send about a work order: its Message-ID, when it was first tried,
/// whether the mail server took it and the outbox command it was sent for. Mail has no idempotent send, so this is how
/// a retry after a lost answer or a crash between sending and recording stays one mail.
/// <para>A command with a <see cref="CommandKey"/> owns its mail: every retry with that key, however late (a commit of
/// the outbox row that never landed, a dead-letter replay), reuses the record and its Message-ID, and once it was sent
/// it is not sent again; another command with the same words is another mail. Without a key (outside the outbox) and
/// for records written before keys existed, a retry is recognised by order, kind and text within
/// <see cref="RetryWindow"/>.</para>
/// <para><see cref="HandedOverAt"/> is set just before the mail is handed to the server and stays set until the server's
/// answer is recorded: a retry that finds it set and <see cref="Sent"/> false does not know whether the mail went out,
/// and first looks for the mail's copy in the hub's own mailbox.</para>
/// </summary>
internal sealed record MailAboutOrder(string MessageId, DateTimeOffset FirstTriedAt, bool Sent, DateTimeOffset? HandedOverAt = null, string? CommandKey = null)
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

    /// <summary>Where the mail of one outbox command is kept, next to the content fingerprints of keyless mails.</summary>
    public static string CommandSlot(string commandKey) => "command:" + commandKey;

    /// <summary>
    /// The Message-ID of the mail for one command: the same on every attempt, even when the local record of the first
    /// attempt is lost, so the hub's sent copy and the contractor's mail program see one mail. It is an HMAC of the
    /// command key under the order's own random Message-ID, so it neither shows the case or outbox sequence nor can be
    /// computed by anyone who has not seen the order.
    /// </summary>
    public static string MessageIdFor(WorkOrder order, string commandKey, string domain)
    {
        ArgumentNullException.ThrowIfNull(order);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(order.MessageId), Encoding.UTF8.GetBytes("mail-about\n" + commandKey));
        return Convert.ToHexStringLower(mac)[..32] + "@" + domain;
    }

    /// <summary>
    /// Whether a record written without a command key may be this command's first attempt: tried within the window
    /// (or with its outcome open) and not before the command was queued.
    /// </summary>
    public bool MayBeEarlierAttemptOf(DateTimeOffset? queuedAt, DateTimeOffset now) =>
        CommandKey is null && (IsRetryAt(now) || OutcomeUnknown) && (queuedAt is null || FirstTriedAt >= queuedAt);
}
