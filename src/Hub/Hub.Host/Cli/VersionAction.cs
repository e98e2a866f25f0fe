using System.CommandLine;
using System.CommandLine.Invocation;
using Hub.Host.Hosting;

namespace Hub.Host.Cli;

/// <summary>
/// `hub --version`: "hub 0.1.0+1a2b3c4", the version and the commit the binary was built from. System.CommandLine's own
/// action prints the bare informational version of the entry assembly, which is not the hub when it runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static void AttachTo(RootCommand root) =>
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(HubVersion.Text);
        return 0;
    }
}
