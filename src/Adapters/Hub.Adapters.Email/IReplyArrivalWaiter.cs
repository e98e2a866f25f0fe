namespace Hub.Adapters.Email;

/// <summary>
/// Lets the host wait for new replies instead of polling blindly: IMAP IDLE where the server offers it, a
/// folder watch for the directory transport, otherwise a plain wait.
/// </summary>
internal interface IReplyArrivalWaiter
{
    /// <summary>Returns true as soon as new mail arrives, false when <paramref name="maxWait"/> passes first.</summary>
    Task<bool> WaitForRepliesAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
