using System.CommandLine;
using System.Globalization;
using Hub.Host.Cli;

namespace Hub.Host.Tests.Cli;

/// <summary>The sandbox left the service; someone who still types `hub sandbox` is told where it went.</summary>
public sealed class SandboxMovedCommandTests
{
    [Theory]
    [InlineData("sandbox")]
    [InlineData("sandbox", "--once")]
    [InlineData("sandbox", "--once", "--timeout", "60")]
    public async Task Typed_into_the_service_hub_sandbox_points_to_the_sandbox_project_in_one_line_and_exits_2(params string[] arguments)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await HubCli.Build().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output.ToString());
        var hint = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("dotnet run --project src/Hub/Hub.Sandbox -- --once", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hint_is_not_offered_as_a_command_of_the_service()
    {
        var sandbox = HubCli.Build().Subcommands.Single(c => c.Name == "sandbox");

        Assert.True(sandbox.Hidden);
    }
}
