namespace Hub.Engine.Tests.Sync;

/// <summary>A rule the database keeps and the hub does not know: a case's title holds at most 200 characters, so a longer one is refused for its content.</summary>
internal static class TitleLimit
{
    public static Task AddAsync(TestDatabase storage) => storage.ExecuteSqlAsync(storage.Provider == DatabaseProvider.Sqlite
        ? "CREATE TRIGGER cases_title_limit BEFORE INSERT ON cases WHEN length(NEW.\"Title\") > 200 BEGIN SELECT RAISE(ABORT, 'a title holds at most 200 characters'); END;"
        : "ALTER TABLE cases ADD CONSTRAINT cases_title_limit CHECK (length(\"Title\") <= 200)");

    public static ObservedChange TooLong(ObservedChange change) => change with { Fields = change.Fields with { Title = new string('x', 300) } };
}
