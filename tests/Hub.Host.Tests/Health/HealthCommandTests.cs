using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Host.Cli;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Tests.Health;

/// <summary>
/// `hub health` asks the running hub's /health the way a load balancer does (no key) and turns the answer into an exit
/// code, so a container's HEALTHCHECK needs no curl: 0 healthy or degraded, 1 unhealthy or not answering.
/// </summary>
public sealed partial class HealthCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hub-health-").FullName;

    [Theory]
    [InlineData(HealthStatus.Healthy, 0, "answered 200 Healthy")]
    [InlineData(HealthStatus.Degraded, 0, "answered 200 Degraded")]
    [InlineData(HealthStatus.Unhealthy, 1, "answered 503 Unhealthy")]
    public async Task Hub_health_exits_0_only_when_the_hub_answers_healthy_or_degraded(HealthStatus status, int expectedExit, string says)
    {
        await using var hub = await ProbedHub.StartAsync();
        hub.Status = status;

        var result = await RunAsync("health", "--url", $"http://127.0.0.1:{hub.Port}");

        Assert.Equal(expectedExit, result.Exit);
        var line = expectedExit == 0 ? result.Output : result.Error;
        Assert.Equal($"hub: http://127.0.0.1:{hub.Port}/health {says}", line.Trim());
    }

    [Fact]
    public async Task When_no_hub_listens_hub_health_exits_1_naming_the_address_it_asked()
    {
        var port = FreeLoopbackPort.Find();

        var result = await RunAsync("health", "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"hub: http://127.0.0.1:{port}/health did not answer: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task When_the_hub_does_not_answer_in_time_hub_health_exits_1_after_the_timeout()
    {
        await using var hub = await ProbedHub.StartAsync();
        hub.Delay = TimeSpan.FromSeconds(30);

        var started = TimeProvider.System.GetUtcNow();
        var result = await RunAsync("health", "--url", $"http://127.0.0.1:{hub.Port}", "--timeout", "1");

        Assert.Equal(1, result.Exit);
        Assert.Equal($"hub: http://127.0.0.1:{hub.Port}/health did not answer within 1 s", result.Error.Trim());
        Assert.True(TimeProvider.System.GetUtcNow() - started < TimeSpan.FromSeconds(15), "the probe waited for the hub instead of its timeout");
    }

    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://+:{0}")]
    [InlineData("http://*:{0}")]
    [InlineData("http://127.0.0.1:{0};https://hub.example.org:8443")]
    [InlineData("https://hub.example.org:8443;http://localhost:{0}")]
    public async Task Without_url_hub_health_asks_where_Hub_Api_Urls_listens_on_loopback(string urls)
    {
        await using var hub = await ProbedHub.StartAsync();
        var config = Config(string.Format(CultureInfo.InvariantCulture, urls, hub.Port));

        var result = await RunAsync("health", "--config", config);

        Assert.Equal(0, result.Exit);
        Assert.Matches($@"^hub: http://(127\.0\.0\.1|localhost):{hub.Port}/health answered 200 Healthy$", result.Output.Trim());
    }

    [Fact]
    public async Task A_Hub_Api_Urls_that_is_no_url_exits_2_naming_the_key()
    {
        var result = await RunAsync("health", "--config", Config("not a url"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("hub: configuration error: Hub:Api:Urls", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_no_http_url_exits_2_saying_so()
    {
        var result = await RunAsync("health", "--url", "ftp://127.0.0.1:5080");

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("hub: --url: 'ftp://127.0.0.1:5080' is not an http(s) URL", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The image's HEALTHCHECK, as deploy/docker/Dockerfile writes it, run against a hub listening where the image's
    /// <c>Hub__Api__Urls</c> says (on a free port instead of 5080): healthy while it answers, unhealthy once it stopped.
    /// </summary>
    [Fact]
    public async Task The_Dockerfile_healthcheck_command_passes_while_the_hub_answers_and_fails_once_it_stopped()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "docker", "Dockerfile"));
        var command = JsonSerializer.Deserialize<string[]>(HealthCheckCommand().Match(dockerfile).Groups["exec"].Value)!;
        var listens = ImageUrls().Match(dockerfile).Groups["urls"].Value;
        Assert.Equal("/opt/hub/hub", command[0]); // the image's ENTRYPOINT
        Assert.Equal("health", command[1]);
        await using var hub = await ProbedHub.StartAsync();
        var config = Config(listens.Replace(":5080", $":{hub.Port}", StringComparison.Ordinal));
        var arguments = command.Skip(1).Select(a => a == "/etc/hub/appsettings.json" ? config : a).ToArray();

        var healthy = await RunAsync(arguments);
        await hub.StopAsync();
        var stopped = await RunAsync(arguments);

        Assert.Equal(0, healthy.Exit);
        Assert.Equal(1, stopped.Exit);
        Assert.Contains("did not answer", stopped.Error, StringComparison.Ordinal);
    }

    private string Config(string urls)
    {
        var file = Path.Combine(folder, $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { Hub = new { Api = new { Urls = urls } } }));
        return file;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await HubCli.Build().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Hub.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^HEALTHCHECK\b[^\n]*?(?:\\\n[^\n]*?)*CMD (?<exec>\[[^\n]*\])", RegexOptions.Multiline)]
    private static partial Regex HealthCheckCommand();

    [GeneratedRegex(@"Hub__Api__Urls=(?<urls>\S+)")]
    private static partial Regex ImageUrls();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
