using System.CommandLine;
using Hub.Sandbox;

// Termination signals are the sandbox's own business (StopSignals): it must stop the hub it started before it exits.
return await SandboxCommand.Create().Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
