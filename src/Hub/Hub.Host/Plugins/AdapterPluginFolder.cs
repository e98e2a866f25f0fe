using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Hub.Abstractions.Adapters;
using Hub.Host.Hosting;

namespace Hub.Host.Plugins;

/// <summary>
/// Loads the plugin in one folder of the plugins folder: its main assembly (named like the folder, else the one its
/// .deps.json belongs to), the adapter contract version it was built against (read from its metadata before anything of
/// it runs), and its <see cref="IAdapterPlugin"/> class, in a load context of its own.
/// </summary>
internal static class AdapterPluginFolder
{
    private static readonly string ContractName = AdapterContractVersion.Contract.Name!;

    /// <summary>The plugin, or a problem saying what is wrong with it (written for the admin who dropped it in).</summary>
    public static (LoadedAdapterPlugin? Plugin, string? Problem) Load(string folder)
    {
        var name = Path.GetFileName(folder);
        var main = MainAssemblyOf(folder);
        if (main is null)
        {
            return (null, $"plugin folder '{folder}' holds no {name}.dll and no single *.deps.json naming its main assembly; " +
                          "put the output of 'dotnet publish' (or 'dotnet build') of the adapter project there, in a folder named after its assembly.");
        }

        Version? builtAgainst;
        AssemblyName identity;
        try
        {
            identity = AssemblyName.GetAssemblyName(main);
            builtAgainst = ContractReferenceOf(main);
        }
        catch (Exception unreadable) when (unreadable is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return (null, $"plugin '{name}' ({main}) cannot be read as a .NET assembly: {unreadable.Message}");
        }

        var pluginVersion = identity.Version?.ToString(3) ?? "?";
        if (builtAgainst is null)
        {
            return (null, $"plugin '{name}' ({identity.Name} {pluginVersion}, {folder}) does not reference the adapter contract {ContractName}; an adapter plugin is built against it.");
        }

        if (!AdapterContractVersion.Fits(builtAgainst))
        {
            return (null, $"plugin '{name}' ({identity.Name} {pluginVersion}, {folder}) was built against adapter contract " +
                          $"{AdapterContractVersion.Text(builtAgainst)} ({ContractName} {builtAgainst}), but this hub ({HubVersion.Informational}) has adapter contract " +
                          $"{AdapterContractVersion.Text(AdapterContractVersion.OfHub)}: rebuild the plugin against this hub's {ContractName}, or remove its folder.");
        }

        try
        {
            var assembly = new AdapterPluginLoadContext(main).LoadFromAssemblyPath(main);
            var entries = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdapterPlugin).IsAssignableFrom(t))
                .ToList();
            if (entries.Count != 1)
            {
                return (null, $"plugin '{name}' ({identity.Name} {pluginVersion}, {folder}) has {entries.Count} public classes implementing " +
                              $"{typeof(IAdapterPlugin).FullName}; it needs exactly one.");
            }

            var entry = (IAdapterPlugin)Activator.CreateInstance(entries[0])!;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? pluginVersion;
            return (new LoadedAdapterPlugin(entry.AdapterType, identity.Name ?? name, version, folder, builtAgainst, entry), null);
        }
        catch (Exception broken) when (broken is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException
                                           or ReflectionTypeLoadException or MissingMethodException or TargetInvocationException)
        {
            return (null, $"plugin '{name}' ({identity.Name} {pluginVersion}, {folder}) cannot be loaded: {broken.Message}");
        }
    }

    private static string? MainAssemblyOf(string folder)
    {
        var named = Path.Combine(folder, Path.GetFileName(folder) + ".dll");
        if (File.Exists(named))
        {
            return named;
        }

        var deps = Directory.GetFiles(folder, "*.deps.json");
        return deps.Length == 1 && Path.Combine(folder, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll") is var main && File.Exists(main)
            ? main
            : null;
    }

    /// <summary>The version of the contract assembly the plugin references, read from its metadata without loading it; null when it references none.</summary>
    private static Version? ContractReferenceOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, ContractName))
            {
                return reference.Version;
            }
        }

        return null;
    }
}
