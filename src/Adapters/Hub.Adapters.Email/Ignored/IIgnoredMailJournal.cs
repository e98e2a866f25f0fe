namespace Hub.Adapters.Email.Ignored;

/// <summary>
/// Receives every mail the adapter set aside (quarantine, auto-reply), so the host can journal it. Optional:
/// without one registered the adapter still logs a warning and counts it in the "hub.email.ignored_mail" metric.
/// </summary>
public interface IIgnoredMailJournal
{
    Task RecordAsync(IgnoredMail mail, CancellationToken cancellationToken);
}
