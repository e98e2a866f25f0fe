namespace Hub.Engine.Sync;

/// <summary>
/// The cases a webhook named a record of (<see cref="LiveIntake"/>) a moment ago: a complaint someone is waiting on
/// now. The dispatcher's live lane sends their commands before any other (<see cref="DispatchLane.Live"/>), so a live
/// complaint does not wait behind a backlog's new cases, which are new to the hub too. Held in this process for
/// <see cref="HeldFor"/>, at most <see cref="Capacity"/> (the oldest go first): a hint for the order of sending, never
/// what is sent; on another node of a cluster, or after a restart, the case is sent in the ordinary order.
/// </summary>
public sealed class NamedCases(TimeProvider time)
{
    /// <summary>How long a named case goes first: its chain's next commands are sent ahead of a bulk load too.</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(5);

    /// <summary>The most cases held; a burst of named records beyond it is sent in the ordinary order.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, DateTimeOffset> named = new(StringComparer.Ordinal);
    private readonly Lock guard = new();

    public void Mark(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        lock (guard)
        {
            var now = time.GetUtcNow();
            Forget(now);
            if (named.Count >= Capacity && !named.ContainsKey(caseId))
            {
                named.Remove(named.MinBy(n => n.Value).Key);
            }

            named[caseId] = now;
        }
    }

    /// <summary>The cases named within <see cref="HeldFor"/>; empty when none (the dispatcher then asks nothing more).</summary>
    public List<string> Current()
    {
        lock (guard)
        {
            Forget(time.GetUtcNow());
            return [.. named.Keys];
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (caseId, at) in named.Where(n => now - n.Value > HeldFor).ToList())
        {
            named.Remove(caseId);
        }
    }
}
