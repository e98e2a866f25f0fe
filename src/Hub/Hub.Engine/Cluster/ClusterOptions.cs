using Hub.Abstractions.Adapters;

namespace Hub.Engine.Cluster;

/// <summary>How the nodes on one database keep track of each other (<c>Hub:Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Hub:Cluster";

    /// <summary>How often a node writes "still alive" in hub_nodes; a node silent for three intervals is shown as lost.</summary>
    public TimeSpan CheckInInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A node not heard from for this long is lost (three check-ins missed).</summary>
    public TimeSpan LostAfter => CheckInInterval * 3;

    /// <summary>Every wrong setting of the section at once, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CheckInInterval <= TimeSpan.Zero)
        {
            problems.Add(SettingProblems.Format($"{Section}:{nameof(CheckInInterval)}", $"'{CheckInInterval}' must be a positive time span, e.g. \"00:00:10\"."));
        }

        return problems;
    }
}
