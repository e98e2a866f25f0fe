namespace Hub.Engine.Persistence;

/// <summary>Another hub holds this SQLite database: a second `hub run` on it must not start (several nodes need PostgreSQL).</summary>
public sealed class HubAlreadyRunningException : Exception
{
    public HubAlreadyRunningException(HubInstance holder, string database)
        : base($"another hub ({holder?.Who}) holds this database since {holder?.When} ({database}). Only one hub may run on a SQLite database: stop that one first, give this one another Hub:Database, or use PostgreSQL (Hub:Database:Provider = Postgres) to run several nodes on one database.")
    {
        Holder = holder ?? HubInstance.Unknown;
        Database = database;
    }

    public HubAlreadyRunningException()
        : this(HubInstance.Unknown, "unknown")
    {
    }

    public HubAlreadyRunningException(string message)
        : base(message)
    {
        Holder = HubInstance.Unknown;
        Database = "unknown";
    }

    public HubAlreadyRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
        Holder = HubInstance.Unknown;
        Database = "unknown";
    }

    public HubInstance Holder { get; }

    public string Database { get; }
}
