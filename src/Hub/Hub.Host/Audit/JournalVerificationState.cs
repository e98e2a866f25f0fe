namespace Hub.Host.Audit;

/// <summary>The last scheduled verification, shared between the background service and the health check.</summary>
internal sealed class JournalVerificationState
{
    private JournalVerificationResult? last;
    private string? intactHead;

    public JournalVerificationResult? Last => Volatile.Read(ref last);

    /// <summary>The head hash of the last intact verification: every later one must still find it in the chain.</summary>
    public string? IntactHead => Volatile.Read(ref intactHead);

    public void Record(JournalVerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict is { IsIntact: true } intact)
        {
            Volatile.Write(ref intactHead, intact.HeadHash);
        }

        Volatile.Write(ref last, result);
    }
}
