namespace Hub.Engine.Persistence;

/// <summary>Bound from <c>Hub:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Hub:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: a relative Data Source is taken beside the configuration file.</summary>
    public string ConnectionString { get; set; } = "Data Source=hub.db";
}
