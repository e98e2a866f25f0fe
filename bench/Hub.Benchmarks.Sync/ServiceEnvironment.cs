namespace Hub.Benchmarks.Sync;

/// <summary>
/// The process settings the hub is installed with that its runtimeconfig does not carry (glibc's MALLOC_* variables, the
/// runtime's DOTNET_ReadyToRun, and DOTNET_TieredCompilation, which the runtimeconfig leaves on for the commands run by
/// hand; set by deploy/linux/hub.service, the Dockerfile and the Windows service): the benchmarks give every hub they
/// start the unit's values, so they measure the hub as it runs on a server. A value already in the benchmark's own
/// environment wins (e.g. MALLOC_ARENA_MAX=8 to measure glibc's default, DOTNET_ReadyToRun=1 and
/// DOTNET_TieredCompilation=1 the code a hub started from a shell runs).
/// </summary>
internal static class ServiceEnvironment
{
    public static IReadOnlyList<string> Apply()
    {
        var unit = Path.Combine(HubProcess.RepositoryRoot(), "deploy", "linux", "hub.service");
        var applied = new List<string>();
        foreach (var (key, value) in ServiceUnitEnvironment.Read(unit).Where(setting => IsProcessSetting(setting.Key)))
        {
            if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } given)
            {
                applied.Add($"{key}={given} (the benchmark's own environment; the unit says {value})");
                continue;
            }

            Environment.SetEnvironmentVariable(key, value); // every hub this run starts inherits it
            applied.Add($"{key}={value} (as deploy/linux/hub.service)");
        }

        return applied;
    }

    /// <summary>What the unit sets for the process itself, not for the hub's configuration or the single-file bundle.</summary>
    private static bool IsProcessSetting(string key) =>
        key.StartsWith("MALLOC_", StringComparison.Ordinal) || key is "DOTNET_ReadyToRun" or "DOTNET_TieredCompilation";
}
