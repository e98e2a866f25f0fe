using Hub.Adapters.Email.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// The Authentication-Results header (RFC 8601) that the hub's own mail server wrote: the topmost one with its authserv-id.
/// A server adds its header above all that is there and removes arriving ones that claim its id (§5); everything below
/// its header came with the mail, so it is never read, and a sender's forged header with the same id cannot turn a fail
/// or a missing result into a pass. A header at or above it that cannot be read cannot be told from it: nothing is trusted.
/// </summary>
internal sealed record ServerStamp(AuthenticationResults? Results, bool Unreadable)
{
    public static ServerStamp Find(HeaderList headers, string authServId)
    {
        foreach (var header in headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            if (!AuthenticationResults.TryParse(header.RawValue, out var results))
            {
                return new ServerStamp(null, Unreadable: true);
            }

            if (IsBy(results, authServId))
            {
                return new ServerStamp(results, Unreadable: false);
            }
        }

        return new ServerStamp(null, Unreadable: false);
    }

    /// <summary>Microsoft 365 writes its header without an authserv-id; every other server names itself first.</summary>
    private static bool IsBy(AuthenticationResults results, string authServId) =>
        authServId.Equals(SenderAuthenticationOptions.Microsoft365, StringComparison.OrdinalIgnoreCase)
            ? results.AuthenticationServiceIdentifier is null
            : string.Equals(results.AuthenticationServiceIdentifier?.Trim(), authServId.Trim(), StringComparison.OrdinalIgnoreCase);
}
