namespace Hub.Adapters.Compliance;

/// <summary>
/// Thrown by a harness when a compliance case has no meaning for its adapter's system (a pickup folder cannot ask the
/// hub to slow down). The case is then reported as skipped with this reason, never as passed. Say what the system lacks
/// and where the equivalent case runs, if anywhere.
/// </summary>
public sealed class CaseDoesNotApplyException : Exception
{
    public CaseDoesNotApplyException(string reason)
        : base(reason)
    {
    }

    public CaseDoesNotApplyException()
        : this("the case does not apply to this adapter")
    {
    }

    public CaseDoesNotApplyException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
