using System.Runtime.CompilerServices;
using Hub.Engine.Persistence;

namespace Hub.Engine.Sync;

/// <summary>Which commands a dispatcher round takes first.</summary>
internal enum DispatchLane
{
    /// <summary>
    /// The commands of the cases a webhook just named (<see cref="NamedCases"/>), oldest first; then the first command of
    /// a new case (a complaint just reported going to its next system), newest first.
    /// </summary>
    Live,

    /// <summary>Every due case's next command, oldest first: a backlog, a bulk load, the chain's later steps.</summary>
    Bulk,
}

/// <summary>
/// The order one dispatcher round sends in, so a live complaint never waits behind a bulk load (as Perspectium keeps
/// real-time and bulk queues apart): the live commands leased at the start of the round first, then the bulk ones; and
/// while the round goes on, at most every <see cref="LiveLook"/> before the next bulk command, a look for live commands
/// queued since, which go before the rest of the round. The look leases like any other take, so another node never
/// sends them too; only a case's first command is ever live and every take is of a case's first pending command, so
/// a lane never reorders the commands of one case.
/// </summary>
internal sealed class DispatchLanes(
    List<OutboxCommand> live, List<OutboxCommand> bulk, Func<CancellationToken, Task<List<OutboxCommand>>> takeLive, TimeProvider time)
{
    /// <summary>How often a round looks for live commands between bulk ones (a query each time; a live complaint waits about this long at most).</summary>
    public static readonly TimeSpan LiveLook = TimeSpan.FromMilliseconds(250);

    private readonly Queue<OutboxCommand> liveQueue = new(live);
    private readonly Queue<OutboxCommand> bulkQueue = new(bulk);

    /// <summary>How many commands the round has handed out so far.</summary>
    public int Taken { get; private set; }

    /// <summary>The round's commands in the order to send them; pulled one at a time as a sender becomes free.</summary>
    public async IAsyncEnumerable<OutboxCommand> InOrderAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastLook = time.GetTimestamp();
        while (true)
        {
            if (liveQueue.Count == 0 && bulkQueue.Count > 0 && time.GetElapsedTime(lastLook) >= LiveLook)
            {
                foreach (var command in await LookAsync(cancellationToken).ConfigureAwait(false))
                {
                    liveQueue.Enqueue(command);
                }

                lastLook = time.GetTimestamp();
            }

            if (!liveQueue.TryDequeue(out var next) && !bulkQueue.TryDequeue(out next))
            {
                yield break;
            }

            Taken++;
            yield return next;
        }
    }

    /// <summary>
    /// The live commands queued since; none when the database fails for a moment, so the round goes on with the bulk
    /// commands it already leased (stopping it would leave them leased and unsent until the lease runs out).
    /// </summary>
    private async Task<List<OutboxCommand>> LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await takeLive(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (DatabaseOutage.Is(failure))
        {
            return [];
        }
    }
}
