using System.Runtime.CompilerServices;

namespace Hub.Host.Hosting;

/// <summary>
/// Who starts and stops the hub as a service: the Windows service manager on Windows, systemd on Linux, in a console
/// neither. Each lifetime package does nothing on the other platform (it looks for its manager and finds none), so its
/// registration is made only on its own platform, in a method of its own: otherwise its assembly is loaded and stays
/// mapped on every start (docs/performance/load-less-2.md).
/// </summary>
internal static class ServiceManagers
{
    public static IServiceCollection AddServiceManager(this IServiceCollection services)
    {
        if (OperatingSystem.IsWindows())
        {
            AddWindowsService(services);
        }

        if (OperatingSystem.IsLinux())
        {
            AddSystemd(services);
        }

        return services;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddWindowsService(IServiceCollection services) => services.AddWindowsService(o => o.ServiceName = "Hub");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddSystemd(IServiceCollection services) => services.AddSystemd();
}
