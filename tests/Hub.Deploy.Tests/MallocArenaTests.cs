using System.Text.RegularExpressions;

namespace Hub.Deploy.Tests;

/// <summary>
/// The hub runs with at most two glibc malloc arenas wherever it is installed on Linux: glibc reads MALLOC_ARENA_MAX
/// only from the environment at start (no runtimeconfig setting reaches it), so the systemd unit and the container
/// image both set it. About 9 MB of steady working set (docs/performance/runtime-settings.md).
/// </summary>
public sealed partial class MallocArenaTests
{
    [Fact]
    public async Task The_service_unit_starts_the_hub_with_at_most_two_malloc_arenas()
    {
        var unit = await File.ReadAllLinesAsync(Repository.File("deploy", "linux", "hub.service"));

        var environment = unit
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .SelectMany(line => line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(assignment => assignment.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

        Assert.Equal("2", environment.GetValueOrDefault("MALLOC_ARENA_MAX"));
    }

    [Fact]
    public async Task The_container_image_starts_the_hub_with_at_most_two_malloc_arenas()
    {
        var dockerfile = await File.ReadAllTextAsync(Repository.File("deploy", "docker", "Dockerfile"));
        var runtimeStage = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..]; // the image, not the build stage
        var instructions = runtimeStage.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');

        var environment = instructions
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => Assignment().Matches(line[4..]))
            .ToDictionary(match => match.Groups["key"].Value, match => match.Groups["value"].Value);

        Assert.Equal("2", environment.GetValueOrDefault("MALLOC_ARENA_MAX"));
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex Assignment();
}
