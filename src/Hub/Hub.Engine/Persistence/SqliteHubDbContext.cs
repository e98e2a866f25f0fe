using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Persistence;

/// <summary>The correlation log on SQLite (the default). Migrations: Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options);
