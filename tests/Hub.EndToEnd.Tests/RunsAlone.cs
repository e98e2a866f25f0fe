namespace Hub.EndToEnd.Tests;

/// <summary>End-to-end tests run one at a time: each starts real hub processes and several servers on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "end to end";
}
