namespace Hub.Benchmarks.Sync;

/// <summary>
/// Which build of the hub the benchmarks start, and the words every header prints for it: the shipped build
/// (<see cref="ShippedHub"/>) unless <c>--jit</c> asks for Hub.Host's Release build output (not published; with the unit's
/// environment it runs as the service does) or <c>HUB_DLL</c> names another one.
/// </summary>
internal sealed record MeasuredHub(string Dll, string Build)
{
    public string Description => $"{Build}, {Dll}";

    public static async Task<MeasuredHub> ChooseAsync(bool jit, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(HubProcess.HubDllVariable) is { Length: > 0 })
        {
            return new MeasuredHub(HubProcess.HubDll, $"the build {HubProcess.HubDllVariable} names");
        }

        if (jit)
        {
            return new MeasuredHub(HubProcess.HubDll, "Release build output (not published; the environment below as the service unit sets it)");
        }

        var shipped = await ShippedHub.EnsureAsync(cancellationToken);
        Environment.SetEnvironmentVariable(HubProcess.HubDllVariable, shipped); // every HubProcess of this run starts it
        return new MeasuredHub(shipped, "shipped build (published IL only; the environment below as the service unit sets it)");
    }
}
