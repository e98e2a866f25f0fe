namespace Hub.Adapters.Email.Options;

/// <summary>What the hub's own mail server must have found before a reply may change a case.</summary>
public enum SenderAuthenticationRequirement
{
    /// <summary>Nothing: the From header and the contractor's senders alone decide (anyone who saw a work order can forge a reply).</summary>
    None,

    /// <summary>A <c>dmarc=pass</c> whose <c>header.from</c> is the domain of the reply's From.</summary>
    Dmarc,

    /// <summary>
    /// A <c>dmarc=pass</c> as with <see cref="Dmarc"/>, or a <c>dkim=pass</c> whose signing domain is aligned with the
    /// From domain: for contractors whose domain publishes no DMARC policy but signs its mail.
    /// </summary>
    DkimAligned,
}
