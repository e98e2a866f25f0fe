using Microsoft.EntityFrameworkCore;

namespace Hub.Engine.Persistence;

/// <summary>The correlation log on PostgreSQL. Migrations: Persistence/Migrations/Postgres.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options);
