using System.CommandLine;
using System.Globalization;
using Hub.Host.Cli;
using Hub.Tests.Audit;

namespace Hub.Host.Tests.Audit;

/// <summary>What a `hub` command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs `hub` commands in-process, exactly as the binary builds its command line, against a temp database.</summary>
internal static class HubCliRun
{
    /// <summary>Writes the appsettings.json a command is pointed at with --config: the temp database, nothing else.</summary>
    public static string ConfigFor(TempHubDatabase temp) => ConfigFor(temp, new Dictionary<string, object>());

    /// <summary>The same, with a Hub:Audit section (journal key file, head file) as the service would read it.</summary>
    public static string ConfigFor(TempHubDatabase temp, IReadOnlyDictionary<string, object> audit)
    {
        var file = Path.Combine(temp.Directory, "appsettings.json");
        var hub = new { Database = new { Provider = "Sqlite", ConnectionString = "Data Source=hub.db" }, Audit = audit };
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(new { Hub = hub }));
        return file;
    }

    public static async Task<CliResult> RunAsync(TempHubDatabase temp, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await RunAsync(temp, output, error, args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static Task<int> RunAsync(TempHubDatabase temp, TextWriter output, TextWriter error, params string[] args) =>
        RunAsync(ConfigFor(temp), output, error, args);

    /// <summary>Runs a command against whatever configuration file is given, e.g. one naming a database that is not there.</summary>
    public static async Task<CliResult> RunWithConfigAsync(string configFile, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await RunAsync(configFile, output, error, args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private static Task<int> RunAsync(string configFile, TextWriter output, TextWriter error, params string[] args) =>
        HubCli.Build()
            .Parse([.. args, "--config", configFile])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
}
