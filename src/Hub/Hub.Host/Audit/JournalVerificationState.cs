using Hub.Engine.Journal;

namespace Hub.Host.Audit;

/// <summary>The last scheduled verification, shared between the background service and the health check.</summary>
internal sealed class JournalVerificationState
{
    private JournalVerificationResult? last;
    private VerifiedHead? intactHead;

    public JournalVerificationResult? Last => Volatile.Read(ref last);

    /// <summary>
    /// The head of the last intact verification while this hub runs: every later one must still find it in the chain,
    /// even if its copies in the database and the head file were removed meanwhile.
    /// </summary>
    public VerifiedHead? IntactHead => Volatile.Read(ref intactHead);

    public void Record(JournalVerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is { Verdict.IsIntact: true, Head: { } head })
        {
            Volatile.Write(ref intactHead, head);
        }

        Volatile.Write(ref last, result);
    }
}
