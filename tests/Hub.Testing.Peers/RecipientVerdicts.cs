namespace Hub.Testing.Peers;

/// <summary>
/// Recipients the real Postfix refuses at RCPT TO, as a contractor's mail server does: a mailbox that is over quota for
/// now (451, "try again later") or one that does not exist (550). The table is Postfix's own check_recipient_access.
/// </summary>
public static class RecipientVerdicts
{
    private const string DeferredPrefix = "deferred-";
    private const string RefusedPrefix = "refused-";

    /// <summary>An address Postfix answers with 451 4.2.2: the mail may be sent later.</summary>
    public static string Deferred(string name) => $"{DeferredPrefix}{name}@{BorderVerdicts.ContractorDomain}";

    /// <summary>An address Postfix answers with 550 5.1.1: the mail will never be taken.</summary>
    public static string Refused(string name) => $"{RefusedPrefix}{name}@{BorderVerdicts.ContractorDomain}";

    /// <summary>The regexp table for <c>check_recipient_access</c>.</summary>
    public static string Table() => $"""
        /^{DeferredPrefix}/ 451 4.2.2 Mailbox full, try again later
        /^{RefusedPrefix}/ 550 5.1.1 No such mailbox here

        """;
}
