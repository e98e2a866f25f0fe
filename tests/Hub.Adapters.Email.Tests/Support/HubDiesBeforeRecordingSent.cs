using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>
/// The adapter state of a hub that is killed (kill -9) at the worst moment: just after the mail server answered 250,
/// when the adapter writes down that the mail went out. That write never lands, and the hub writes nothing after it.
/// (Or, with <see cref="WhileHandingOver"/>, a moment earlier.) What the dead hub had written before stays in <paramref name="survivor"/>, which the restarted hub reads.
/// </summary>
internal sealed class HubDiesBeforeRecordingSent(IAdapterStateStore survivor, Func<string, bool> dyingWrite) : IAdapterStateStore
{
    /// <summary>The write after the 250: the mail is recorded as sent.</summary>
    public static readonly Func<string, bool> WhenRecordingSent = value => value.Contains("\"sent\":true", StringComparison.Ordinal);

    /// <summary>A write before the SMTP conversation: the mail is recorded as being handed over.</summary>
    public static readonly Func<string, bool> WhileHandingOver = value => value.Contains("\"handedOverAt\":\"", StringComparison.Ordinal);

    private bool dead;

    public bool Died => dead;

    public Task<string?> GetAsync(string systemName, string key, CancellationToken cancellationToken)
    {
        ThrowIfDead();
        return survivor.GetAsync(systemName, key, cancellationToken);
    }

    public Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken)
    {
        ThrowIfDead();
        if (dyingWrite(value))
        {
            dead = true;
            ThrowIfDead();
        }

        return survivor.SetAsync(systemName, key, value, cancellationToken);
    }

    private void ThrowIfDead()
    {
        if (dead)
        {
            throw new HubKilledException();
        }
    }
}

/// <summary>Stands for the hub process ending between two instructions.</summary>
internal sealed class HubKilledException() : Exception("kill -9: the hub died after the mail server took the mail and before it recorded that");
