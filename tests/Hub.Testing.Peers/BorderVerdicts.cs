using System.Net;

namespace Hub.Testing.Peers;

/// <summary>
/// What the test's Postfix, as the hub's border server, stamps on mail it takes in. A real border server computes
/// DMARC from DNS (SPF records, DKIM keys, the _dmarc policy), which this machine has none of; so this one decides
/// the way SPF does, by the connecting client's address, from a fixed table (smtpd's check_client_access with a
/// PREPEND action): the contractor's own mail server (<see cref="ContractorServer"/>) passes DMARC for the
/// contractor's domain, any other server (<see cref="Outsider"/>) that sends in its name fails, and plain loopback,
/// where every other test sends from, gets no stamp at all. The content of a mail never decides its stamp, and smtpd
/// writes it above every header the sender wrote, as a border server does. Unlike a well-configured border server,
/// this one does not remove the headers that arrive claiming its id, so the tests also see a forged one reach the mailbox.
/// </summary>
public static class BorderVerdicts
{
    public const string AuthServId = "mail.hub.test";
    public const string ContractorDomain = "contractor.test";

    /// <summary>The contractor's own outgoing mail server: what it sends passes SPF, and so DMARC, for its domain.</summary>
    public static readonly IPAddress ContractorServer = IPAddress.Parse("127.0.0.2");

    /// <summary>Anyone else who sends mail with the contractor's From.</summary>
    public static readonly IPAddress Outsider = IPAddress.Parse("127.0.0.3");

    public const string Pass = $"Authentication-Results: {AuthServId}; spf=pass smtp.mailfrom={ContractorDomain}; dmarc=pass (p=reject dis=none) header.from={ContractorDomain}";
    public const string Fail = $"Authentication-Results: {AuthServId}; spf=fail smtp.mailfrom={ContractorDomain}; dmarc=fail (p=reject dis=none) header.from={ContractorDomain}";

    /// <summary>The cidr table of smtpd_client_restrictions.</summary>
    public static string ClientTable() => $"""
        {ContractorServer}/32 PREPEND {Pass}
        {Outsider}/32 PREPEND {Fail}

        """;
}
