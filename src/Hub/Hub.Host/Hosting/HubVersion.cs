using System.Reflection;

namespace Hub.Host.Hosting;

/// <summary>
/// The hub's version and the commit it was built from, as the build wrote them into the binary
/// (<c>0.1.0+1a2b3c4</c>; <c>+unknown</c> when it was built without git). Shown by <c>hub --version</c> and logged at start.
/// </summary>
internal static class HubVersion
{
    public static string Informational { get; } =
        typeof(HubVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>What <c>hub --version</c> prints: <c>hub 0.1.0+1a2b3c4</c>.</summary>
    public static string Text => $"hub {Informational}";
}
