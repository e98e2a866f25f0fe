namespace Hub.Benchmarks.Sync;

/// <summary>
/// The process settings the hub is installed with that no runtimeconfig can carry (glibc's MALLOC_* variables, set by
/// deploy/linux/hub.service and the Dockerfile): the benchmarks give every hub they start the unit's values, so they
/// measure the hub as it runs on a server. A value already in the benchmark's own environment wins (e.g.
/// MALLOC_ARENA_MAX=8 to measure glibc's default).
/// </summary>
internal static class ServiceEnvironment
{
    public static IReadOnlyList<string> Apply()
    {
        var unit = Path.Combine(HubProcess.RepositoryRoot(), "deploy", "linux", "hub.service");
        var applied = new List<string>();
        foreach (var (key, value) in Read(unit).Where(setting => setting.Key.StartsWith("MALLOC_", StringComparison.Ordinal)))
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

    private static IEnumerable<KeyValuePair<string, string>> Read(string unit) =>
        File.ReadLines(unit)
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .SelectMany(line => line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(assignment => assignment.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => KeyValuePair.Create(pair[0], pair[1]));
}
