namespace Hub.Abstractions.Adapters;

/// <summary>
/// An adapter whose system can say when something new has arrived (a mailbox with IMAP IDLE, a pickup folder) also
/// implements this, so the host polls that system soon after instead of at its next interval. Polling stays the
/// safety net: a waiter may miss an arrival, never invent a change.
/// </summary>
public interface IArrivalWaiter
{
    /// <summary>
    /// Returns true as soon as something new arrives, false when <paramref name="maxWait"/> (or the adapter's own
    /// limit) passes first. Throws <see cref="AdapterException"/> when the system cannot be watched right now.
    /// </summary>
    Task<bool> WaitForArrivalAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
