namespace Hub.Host.Audit;

/// <summary>The last scheduled verification, shared between the background service and the health check.</summary>
internal sealed class JournalVerificationState
{
    private JournalVerificationResult? last;

    public JournalVerificationResult? Last => Volatile.Read(ref last);

    public void Record(JournalVerificationResult result) => Volatile.Write(ref last, result);
}
