using Hub.Abstractions.Adapters;
using Hub.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Hub.Engine.Sync;

/// <summary>
/// Takes in one record a system's webhook named, at once and beside that system's poll (which may be paging through a
/// backlog): the hub reads the record itself from the system (<see cref="ISystemAdapter.ReadRecordAsync"/>, trusting
/// nothing of the webhook but the record's name) and takes that reading in like any other (<see cref="ChangeIntake"/>).
/// The poll stays the safety net and reads the record too; the inbox drops the same version when it comes round, and
/// an older one cannot undo the newer (<see cref="CaseMerge"/>: a value the same system stamped later stays). Nothing
/// here stops anything: a record the system does not know, a system that reads no record on request, a failed read or
/// a failed intake is logged and left to the poll, which journals and sets aside what it cannot take in. A record that
/// opened or changed its case marks that case in <see cref="NamedCases"/>, so its commands go before a backlog's.
/// </summary>
public sealed class LiveIntake(SystemAdapters adapters, ChangeIntake intake, HubDatabase database, NamedCases named, IDispatchSignal dispatch, ILogger<LiveIntake> logger)
{
    public async Task<LiveIntakeOutcome> TakeInAsync(string system, string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!adapters.TryGet(system, out var adapter))
        {
            logger.LogWarning("A webhook named {System} record {Record}, but no such system is configured; ignored", system, record);
            return LiveIntakeOutcome.NotReadOnRequest;
        }

        ObservedChange? change;
        try
        {
            change = await adapter.ReadRecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            logger.LogDebug("{System} reads no record on request; the webhook's record name {Record} is ignored, the poll takes the change in", system, record);
            return LiveIntakeOutcome.NotReadOnRequest;
        }
        catch (Exception failure) when (!(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Could not read {System} record {Record} named by a webhook ({Reason}); left to the poll", system, record, failure.Message);
            return LiveIntakeOutcome.LeftToPoll;
        }

        if (change is null)
        {
            logger.LogInformation("A webhook named {System} record {Record}, which that system does not know; nothing taken in", system, record);
            return LiveIntakeOutcome.Unknown;
        }

        try
        {
            var result = await intake.AcceptAsync(system, change, cancellationToken).ConfigureAwait(false);
            if (result is IntakeResult.Opened or IntakeResult.Updated)
            {
                await MarkCaseAsync(system, change.ExternalId, cancellationToken).ConfigureAwait(false);
            }

            logger.LogDebug("Took in {System} record {Record} named by a webhook: {Result}", system, record, result);
            return LiveIntakeOutcome.TakenIn;
        }
        catch (Exception failure) when (!(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(failure, "Could not take in {System} record {Record} named by a webhook; left to the poll", system, record);
            return LiveIntakeOutcome.LeftToPoll;
        }
    }

    /// <summary>Marks the record's case as named; before the commands it queued are sent, in the same round or the next.</summary>
    private async Task MarkCaseAsync(string system, string externalId, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            if (await HubQueries.Of(db).LinkOf(db, system, externalId, cancellationToken).ConfigureAwait(false) is { } link)
            {
                named.Mark(link.CaseId);
                dispatch.CommandsQueued(); // a round that began before the mark takes it at its next look
            }
        }
    }
}

/// <summary>What became of a record a webhook named.</summary>
public enum LiveIntakeOutcome
{
    /// <summary>Read and handed to the intake (which may still find it a repeat, an echo, or park it).</summary>
    TakenIn,

    /// <summary>The system knows no such record: nothing changed.</summary>
    Unknown,

    /// <summary>The system reads no record on request (a contractor's mailbox): the name was ignored.</summary>
    NotReadOnRequest,

    /// <summary>The read or the intake failed: logged, and the poll takes the record in.</summary>
    LeftToPoll,
}
