namespace Hub.Deploy.Tests;

/// <summary>An operator asks a binary what it is: `hub --version` names the version and the commit it was built from.</summary>
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class VersionTests
{
    [Fact]
    public async Task The_built_hub_prints_hub_its_version_and_the_commit_this_checkout_is_at()
    {
        var dll = Path.ChangeExtension(Repository.BuiltHub, ".dll");

        var version = await ChildProcess.RunAsync("dotnet", [dll, "--version"], TimeSpan.FromMinutes(1));

        GitCheckout.AssertVersionLine(version);
    }
}
