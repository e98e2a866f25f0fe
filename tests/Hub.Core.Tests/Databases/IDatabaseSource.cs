namespace Hub.Core.Tests.Databases;

/// <summary>Where a test's correlation log lives: a SQLite file, or a database on the private PostgreSQL server.</summary>
public interface IDatabaseSource
{
    /// <summary>A fresh database of its own for one test, migrated by the hub as at start.</summary>
    Task<TestDatabase> CreateAsync();
}
