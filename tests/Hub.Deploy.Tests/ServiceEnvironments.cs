using System.Text.RegularExpressions;

namespace Hub.Deploy.Tests;

/// <summary>The environment the shipped installs give the hub's service process, read from the files that set it.</summary>
internal static partial class ServiceEnvironments
{
    /// <summary>The <c>Environment=</c> assignments of deploy/linux/hub.service.</summary>
    public static IReadOnlyDictionary<string, string> Unit() => ServiceUnitEnvironment.Read(Repository.File("deploy", "linux", "hub.service"));

    /// <summary>The instructions of the Dockerfile's last stage (the image, not the build stage), continuations joined.</summary>
    public static async Task<string[]> ImageInstructionsAsync()
    {
        var dockerfile = await File.ReadAllTextAsync(Repository.File("deploy", "docker", "Dockerfile"));
        var runtimeStage = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        return runtimeStage.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
    }

    /// <summary>The <c>ENV</c> assignments of the image.</summary>
    public static async Task<Dictionary<string, string>> ImageAsync() =>
        (await ImageInstructionsAsync())
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => Assignment().Matches(line[4..]))
            .ToDictionary(match => match.Groups["key"].Value, match => match.Groups["value"].Value);

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex Assignment();
}
