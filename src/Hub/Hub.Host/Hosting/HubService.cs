using Hub.Host.Configuration;

namespace Hub.Host.Hosting;

/// <summary>Builds and runs the hub's host until it is told to stop.</summary>
internal static class HubService
{
    public static async Task<int> RunAsync(HubConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }
}
