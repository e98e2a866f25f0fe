namespace Hub.Testing;

/// <summary>
/// What a test class needs besides the process it runs in, as an xUnit trait on the class
/// (<c>[Trait(TestCategory.Key, TestCategory.RealServers)]</c>). Unmarked tests are the fast suite: in process, on
/// SQLite files and the simulators. <c>dotnet test --filter "Category!=RealServers&amp;Category!=EndToEnd"</c> runs it alone.
/// </summary>
public static class TestCategory
{
    public const string Key = "Category";

    /// <summary>Starts a real server of its own: the private PostgreSQL cluster, Dovecot and Postfix, or headless Chromium.</summary>
    public const string RealServers = "RealServers";

    /// <summary>
    /// Runs the real <c>hub</c> executable as a child process, as an operator would: built or published, alone, under
    /// <c>hub-sandbox</c> or installed by <c>install.sh</c>, with the simulators (and at times real servers) around it.
    /// </summary>
    public const string EndToEnd = "EndToEnd";
}
