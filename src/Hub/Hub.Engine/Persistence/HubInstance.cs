using System.Globalization;

namespace Hub.Engine.Persistence;

/// <summary>Who holds a database: the hub process (pid, host) and since when, for the message a second start gets.</summary>
public sealed record HubInstance(int ProcessId, string Host, DateTimeOffset? Since)
{
    /// <summary>This process, starting now.</summary>
    public static HubInstance Current(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(Environment.ProcessId, Environment.MachineName, time.GetUtcNow());
    }

    /// <summary>"pid 4242, host hubvm" (an unknown holder, e.g. one still writing its description, says so).</summary>
    public string Who => ProcessId > 0 ? $"pid {ProcessId.ToString(CultureInfo.InvariantCulture)}, host {Host}" : $"pid unknown, host {Host}";

    public string When => Since is { } since ? since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "an unknown time";

    public static HubInstance Unknown { get; } = new(0, "unknown", null);
}
