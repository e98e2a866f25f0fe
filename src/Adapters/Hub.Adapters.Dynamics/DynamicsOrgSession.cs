using Hub.Adapters.Dynamics.Auth;
using Hub.Adapters.Dynamics.Http;
using Hub.Abstractions.Http;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// What all adapters for one org and app registration share: the token cache, the service protection gate (the
/// limits are per user and org), the circuit breaker and the app user's id from WhoAmI.
/// </summary>
internal sealed class DynamicsOrgSession(EntraTokenSource tokens, ServiceProtectionGate gate) : IDisposable
{
    private readonly SemaphoreSlim whoAmILock = new(1, 1);
    private Guid? appUserId;

    public EntraTokenSource Tokens { get; } = tokens;
    public ServiceProtectionGate Gate { get; } = gate;
    public SystemCircuit Circuit { get; } = new();

    /// <summary>The hub's application user, asked once per org with WhoAmI and kept.</summary>
    public async Task<Guid> AppUserIdAsync(Func<CancellationToken, Task<Guid>> whoAmI, CancellationToken cancellationToken)
    {
        if (appUserId is { } known)
        {
            return known;
        }

        await whoAmILock.WaitAsync(cancellationToken);
        try
        {
            appUserId ??= await whoAmI(cancellationToken);
            return appUserId.Value;
        }
        finally
        {
            whoAmILock.Release();
        }
    }

    public void Dispose()
    {
        Gate.Dispose();
        whoAmILock.Dispose();
    }
}
