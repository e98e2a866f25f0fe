namespace Hub.Testing.Engine;

/// <summary>Where a test's correlation log lives: a SQLite file, or a database on the private PostgreSQL server.</summary>
public interface IDatabaseSource
{
    /// <summary>A fresh database of its own for one test, brought up to date by the hub's start.</summary>
    Task<TestDatabase> CreateAsync();

    /// <summary>A fresh database with nothing in it: the hub has never started on it.</summary>
    Task<TestDatabase> CreateEmptyAsync();
}
