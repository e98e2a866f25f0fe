namespace Hub.Host.Tests.Hosting;

/// <summary>
/// Tests that read this process's own resident memory: they run alone, so no other test's allocations, garbage
/// collections or in-process hub (whose <c>NativeHeapTrim</c> trims the same native heap) move what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryGroup
{
    public const string Name = "process memory";
}
