using System.Runtime.InteropServices;

namespace Hub.Sandbox;

/// <summary>Sends SIGTERM to a process on Linux and macOS: what `kill` and systemd send to ask a service to stop.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>True when the signal was sent.</summary>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
