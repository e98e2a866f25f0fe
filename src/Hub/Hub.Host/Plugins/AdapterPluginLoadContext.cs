using System.Reflection;
using System.Runtime.Loader;

namespace Hub.Host.Plugins;

/// <summary>
/// The load context of one plugin: its own assemblies come from its folder (through its .deps.json when it has one),
/// so two plugins may carry different versions of a library. The contract (Hub.Abstractions), the assemblies the
/// contract's types are made of, and Microsoft.Extensions.* always come from the hub, so that the plugin's
/// ISystemAdapter, IServiceCollection and options are the hub's own types.
/// </summary>
internal sealed class AdapterPluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext($"plugin {Path.GetFileName(Path.GetDirectoryName(mainAssemblyPath))}", isCollectible: false)
{
    private static readonly HashSet<string> FromTheHub = SharedWithTheHub();
    private readonly AssemblyDependencyResolver resolver = new(mainAssemblyPath);

    /// <summary>Whether an assembly of this name always comes from the hub, never from the plugin's folder.</summary>
    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple && (FromTheHub.Contains(simple) || simple.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName) && TheHubs(assemblyName) is { } hubs)
        {
            return hubs;
        }

        return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// The hub's own copy, whichever version the plugin was built against (a plugin built with Microsoft.Extensions 10.0.9
    /// runs on a hub that has 10.0.7; the contract version is checked before this); null when the hub has none, so a
    /// Microsoft.Extensions library only the plugin uses comes from the plugin's folder.
    /// </summary>
    private static Assembly? TheHubs(AssemblyName assemblyName)
    {
        try
        {
            return Default.LoadFromAssemblyName(new AssemblyName(assemblyName.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static HashSet<string> SharedWithTheHub()
    {
        var contract = AdapterContractVersion.Contract;
        var shared = new HashSet<string>(StringComparer.Ordinal) { contract.Name! };
        foreach (var reference in typeof(Hub.Abstractions.Adapters.ISystemAdapter).Assembly.GetReferencedAssemblies())
        {
            shared.Add(reference.Name!);
        }

        return shared;
    }
}
