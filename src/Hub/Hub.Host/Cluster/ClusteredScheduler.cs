using Hub.Engine.Persistence;
using Quartz;

namespace Hub.Host.Cluster;

/// <summary>
/// On PostgreSQL the hub's polls are scheduled by Quartz.NET's clustered ADO job store on the hub's own database, so
/// each system is polled by one node at a time and a dead node's polls are taken up by another (its scheduler misses
/// its check-ins). Quartz's tables are created at start from Quartz's own script (<see cref="CreateTablesAsync"/>). SQLite keeps the in-memory
/// scheduler: there is only one node. Nothing relies on a poll running once: the inbox drops what was seen. Clustering
/// gives each node a generated instance id (AUTO: host and start ticks), shown by `hub status`.
/// </summary>
internal static class ClusteredScheduler
{
    public static void UseClusteredStore(this IQuartzBuilder quartz, HubDatabase database, Engine.Cluster.ClusterOptions cluster)
    {
        quartz.UsePersistentStore(store =>
        {
            store.UseClustering(c =>
            {
                c.CheckinInterval = cluster.CheckInInterval;
                c.CheckinMisfireThreshold = cluster.CheckInInterval * 2;
            });
            store.UsePostgres(database.ConnectionString);
            store.UseSystemTextJsonSerializer();
        });
    }

    /// <summary>Quartz's table prefix (the default), lower case as PostgreSQL folds it.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Quartz's own PostgreSQL schema script, shipped inside the Quartz package: creates only what is missing.</summary>
    private const string SchemaResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>
    /// Creates Quartz's tables where they are missing, one starting node at a time (the migration lock), from the script
    /// the Quartz package carries for its own provisioning: the schema always matches the Quartz version the hub runs.
    /// </summary>
    public static Task CreateTablesAsync(HubDatabase database, CancellationToken cancellationToken)
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The Quartz package carries no '{SchemaResource}'; the hub cannot create the scheduler's tables.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        var statements = script.ReplaceLineEndings("\n").Split("\n--;;\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(statement => statement.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .ToList();
        return database.ApplyScriptAsync(statements, cancellationToken);
    }
}
