namespace Hub.Host.Cli;

/// <summary>An audit command found no hub database to read: the file is missing, or `hub run` never created its tables.</summary>
internal sealed class AuditDatabaseUnavailableException : Exception
{
    public AuditDatabaseUnavailableException()
    {
    }

    public AuditDatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public AuditDatabaseUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
