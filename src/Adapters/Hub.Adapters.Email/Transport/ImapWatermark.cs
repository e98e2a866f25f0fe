using System.Globalization;

namespace Hub.Adapters.Email.Transport;

/// <summary>
/// Where an IMAP read stopped: the folder's UIDVALIDITY and the highest UID handed to the engine, as
/// "imap:{uidvalidity}:{uid}". A watermark from another UIDVALIDITY says nothing about today's UIDs.
/// </summary>
internal sealed record ImapWatermark(uint UidValidity, uint LastUid)
{
    private const string Prefix = "imap:";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{UidValidity}:{LastUid}");

    public static ImapWatermark? Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[Prefix.Length..].Split(':');
        return parts.Length == 2
               && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
               && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? new ImapWatermark(validity, uid)
            : null;
    }
}
