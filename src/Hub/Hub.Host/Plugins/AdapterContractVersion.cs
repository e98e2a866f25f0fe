using System.Reflection;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Plugins;

/// <summary>
/// The version of the adapter contract (the assembly version of Hub.Abstractions) and which plugins fit it: one built
/// against the same major version and the same or an older minor version. A newer minor may use what this hub lacks; another
/// major means the contract changed under the plugin.
/// </summary>
internal static class AdapterContractVersion
{
    public static readonly AssemblyName Contract = typeof(ISystemAdapter).Assembly.GetName();

    public static Version OfHub => Contract.Version ?? new Version(0, 0);

    public static bool Fits(Version builtAgainst) =>
        builtAgainst.Major == OfHub.Major && builtAgainst.Minor <= OfHub.Minor;

    /// <summary>"1.0", as admins and plugin authors read it.</summary>
    public static string Text(Version version) => version.ToString(2);
}
