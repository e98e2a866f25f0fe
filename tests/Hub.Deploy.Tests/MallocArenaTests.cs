namespace Hub.Deploy.Tests;

/// <summary>
/// The hub runs with at most two glibc malloc arenas wherever it is installed on Linux: glibc reads MALLOC_ARENA_MAX
/// only from the environment at start (no runtimeconfig setting reaches it), so the systemd unit and the container
/// image both set it. About 9 MB of steady working set (docs/performance/runtime-settings.md).
/// </summary>
public sealed class MallocArenaTests
{
    [Fact]
    public void The_service_unit_starts_the_hub_with_at_most_two_malloc_arenas()
    {
        var environment = ServiceEnvironments.Unit();

        Assert.Equal("2", environment.GetValueOrDefault("MALLOC_ARENA_MAX"));
    }

    [Fact]
    public async Task The_container_image_starts_the_hub_with_at_most_two_malloc_arenas()
    {
        var environment = await ServiceEnvironments.ImageAsync();

        Assert.Equal("2", environment.GetValueOrDefault("MALLOC_ARENA_MAX"));
    }
}
