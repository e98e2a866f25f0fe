using Hub.Adapters.Email.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// Whether the hub's own mail server proved that a reply comes from the domain in its From: the work-order token is in
/// every subject, so the From header alone proves nothing. With <see cref="SenderAuthenticationRequirement.Dmarc"/> the
/// server's header must hold <c>dmarc=pass</c> for that domain; <see cref="SenderAuthenticationRequirement.DkimAligned"/>
/// also takes a <c>dkim=pass</c> by an aligned domain (<see cref="MailDomain.Aligned"/>). Only <see cref="ServerStamp"/> counts.
/// </summary>
internal sealed class SenderAuthentication(SenderAuthenticationOptions options)
{
    private static readonly string[] ShownProperties = ["from", "d", "i"];

    public bool IsRequired => options.Require != SenderAuthenticationRequirement.None;

    /// <summary>Null when the reply may be believed; otherwise why not, for the journal.</summary>
    public string? RefusalFor(MimeMessage message, MailboxAddress sender)
    {
        if (!IsRequired)
        {
            return null;
        }

        var stamp = ServerStamp.Find(message.Headers, options.AuthServId);
        var by = options.AuthServId.Equals(SenderAuthenticationOptions.Microsoft365, StringComparison.OrdinalIgnoreCase)
            ? "Microsoft 365 (the header without an authserv-id)"
            : options.AuthServId.Trim();
        if (stamp.Results is not { } results)
        {
            return stamp.Unreadable
                ? $"From {sender.Address} not authenticated: an Authentication-Results header at or above the one by {by} cannot be read"
                : $"From {sender.Address} not authenticated: no Authentication-Results header by {by}";
        }

        if (Proves(results, sender.Domain))
        {
            return null;
        }

        var methods = options.Require == SenderAuthenticationRequirement.DkimAligned ? new[] { "dkim", "dmarc" } : ["dmarc"];
        var found = results.Results.Where(r => methods.Any(m => Is(r.Method, m))).Select(Describe).ToList();
        var said = found.Count > 0 ? string.Join("; ", found) : $"no {string.Join(" or ", methods)} result";
        return $"From {sender.Address} not authenticated: {said} by {by}";
    }

    private bool Proves(AuthenticationResults results, string fromDomain) =>
        results.Results.Any(r => Is(r.Method, "dmarc") && Is(r.Result, "pass") && MailDomain.Same(Property(r, "from"), fromDomain))
        || (options.Require == SenderAuthenticationRequirement.DkimAligned
            && results.Results.Any(r => Is(r.Method, "dkim") && Is(r.Result, "pass") && MailDomain.Aligned(SigningDomain(r), fromDomain)));

    /// <summary>The signing domain <c>header.d</c>, else the domain of the signer's identity <c>header.i</c> (Gmail writes only that).</summary>
    private static string? SigningDomain(AuthenticationMethodResult result) =>
        Property(result, "d") is { Length: > 0 } domain ? domain : Property(result, "i") is { } identity ? MailDomain.Of(identity) : null;

    private static string? Property(AuthenticationMethodResult result, string property) =>
        result.Properties.FirstOrDefault(p => Is(p.PropertyType, "header") && Is(p.Property, property))?.Value;

    private static string Describe(AuthenticationMethodResult result)
    {
        var text = $"{result.Method}={result.Result}";
        if (!string.IsNullOrWhiteSpace(result.ResultComment))
        {
            text += $" ({result.ResultComment.Trim()})";
        }

        foreach (var property in result.Properties.Where(p => Is(p.PropertyType, "header") && ShownProperties.Any(s => Is(p.Property, s))))
        {
            text += $" header.{property.Property}={property.Value}";
        }

        return text;
    }

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
