using System.Runtime.InteropServices;

namespace Hub.Sandbox;

/// <summary>
/// Ctrl+C, SIGTERM, SIGQUIT and a closed terminal (SIGHUP) stop the sandbox the orderly way: <see cref="Token"/> is
/// cancelled and the sandbox stops its hub before it exits. A second signal kills the hub at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private Action? onSecondSignal;
    private int received;

    private StopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // not a signal this platform has
            }
        }
    }

    public CancellationToken Token => stop.Token;

    public static StopSignals Listen() => new();

    /// <summary>What a second signal does (kill the hub), for someone who does not want to wait for its orderly stop.</summary>
    public void OnSecondSignal(Action action) => onSecondSignal = action;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref received) == 1)
        {
            stop.Cancel();
        }
        else
        {
            onSecondSignal?.Invoke();
        }
    }
}
