using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Hub.Sandbox;

/// <summary>
/// The real `hub` the sandbox runs: by default the one this build of the sandbox built with it (its path is recorded at
/// build time from the Hub.Host project reference, see Hub.Sandbox.csproj), or any hub given with --hub, e.g. a
/// published one. It runs from its own folder, with its own dependencies and the mappings shipped beside it.
/// </summary>
internal sealed record HubExecutable(string File)
{
    public const string BuildMetadata = "HubExecutable";

    public string MappingsDirectory => Path.Combine(Path.GetDirectoryName(File)!, "mappings");

    /// <summary>The hub to run, or why there is none.</summary>
    public static (HubExecutable? Hub, string? Problem) Find(string? given)
    {
        var file = given ?? typeof(HubExecutable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == BuildMetadata)?.Value;
        if (string.IsNullOrEmpty(file))
        {
            return (null, "this sandbox was built without the hub's path; build it with `dotnet build src/Hub/Hub.Sandbox`, or give the hub with --hub <path of hub.dll>.");
        }

        file = Path.GetFullPath(file);
        if (!System.IO.File.Exists(file))
        {
            return (null, given is null
                ? $"the hub is not where it was built ({file}); build it again with `dotnet build src/Hub/Hub.Sandbox`, or give the hub with --hub <path of hub.dll>."
                : $"--hub: '{file}' does not exist; give the path of hub.dll or of the hub executable.");
        }

        return (new HubExecutable(file), null);
    }

    /// <summary>`hub &lt;arguments&gt;`: hub.dll through the same .NET host that runs the sandbox, an executable as it is.</summary>
    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        var viaHost = string.Equals(Path.GetExtension(File), ".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(viaHost ? DotnetHost() : File);
        if (viaHost)
        {
            info.ArgumentList.Add(File);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>
    /// The `dotnet` host: this process when it is one (`dotnet hub-sandbox.dll`), otherwise the one at the root of the
    /// runtime this sandbox runs on (&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/), so it needs no PATH.
    /// </summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var self = Environment.ProcessPath;
        if (self is not null && string.Equals(Path.GetFileName(self), name, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, name);
        return System.IO.File.Exists(host) ? host : name;
    }
}
