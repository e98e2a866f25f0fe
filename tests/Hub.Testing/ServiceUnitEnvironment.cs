namespace Hub.Testing;

/// <summary>
/// The <c>Environment=</c> assignments of a systemd unit file (deploy/linux/hub.service), as systemd reads them: several
/// per line, separated by spaces, a later assignment of a name replacing an earlier one. Read by the deploy tests and by
/// the benchmarks, which give the hub the unit's process settings.
/// </summary>
public static class ServiceUnitEnvironment
{
    public static IReadOnlyDictionary<string, string> Read(string unit)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in File.ReadLines(unit)
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .SelectMany(line => line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (assignment.Split('=', 2) is [var name, var value])
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
