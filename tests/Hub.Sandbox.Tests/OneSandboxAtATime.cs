namespace Hub.Sandbox.Tests;

/// <summary>Sandbox tests run one at a time: each starts the simulators and a real hub process on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneSandboxAtATime
{
    public const string Name = "one sandbox at a time";
}
