namespace Hub.Engine.Persistence;

/// <summary>Where the correlation log lives (<c>Hub:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
