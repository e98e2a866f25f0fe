using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// Verifies the journal's hash chain when the hub starts and then every <c>Hub:Audit:VerifyInterval</c> (default one
/// hour); the last result is what <see cref="JournalHealthCheck"/> reports. Each run holds the chain to the newest
/// verified head kept in the database, in the head file (<c>Hub:Audit:HeadFile</c>) and in memory, so entries cut off
/// the end show, also across a restart; an intact run keeps its own head in those places and writes it to the log.
/// </summary>
internal sealed class JournalVerificationService(
    HubDatabase database,
    JournalKeyRing keys,
    JournalVerificationState state,
    IOptions<AuditOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<JournalVerificationService> logger) : BackgroundService
{
    private const string InMemory = "this hub's last verification";

    private readonly VerifiedHeadFile? headFile =
        options.Value.HeadFilePath(environment.ContentRootPath) is { } path ? new VerifiedHeadFile(path) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await VerifyOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.VerifyInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task<JournalVerificationResult> VerifyOnceAsync(CancellationToken cancellationToken)
    {
        JournalVerificationResult result;
        try
        {
            var db = database.CreateContext();
            await using (db)
            {
                var heads = await KeptHeads.ReadAsync(db, headFile, cancellationToken);
                if (state.IntactHead is { } running && !heads.Any(k => k.Head.Sequence >= running.Sequence))
                {
                    heads.Add(new KeptHead(running, InMemory)); // its copies outside were removed while the hub runs
                }

                var verdict = await JournalVerifier.VerifyAsync(db, new JournalEvidence { Keys = keys, Heads = heads }, cancellationToken);
                result = new JournalVerificationResult(time.GetUtcNow(), verdict, null);
                if (verdict.IsIntact)
                {
                    result = await KeepHeadAsync(db, result, heads, cancellationToken);
                }
            }

            if (result.Verdict is { IsIntact: false } broken)
            {
                logger.LogCritical("Journal not intact: {Verdict}", broken.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new JournalVerificationResult(time.GetUtcNow(), null, ex.GetBaseException().Message);
            logger.LogError(ex, "Journal verification could not run");
        }

        state.Record(result);
        return result;
    }

    /// <summary>
    /// Keeps the head just verified where the next verification will look: the database and the head file, when it is
    /// newer than the one there, and the log always, as one JSON line an admin can ship elsewhere (syslog).
    /// </summary>
    private async Task<JournalVerificationResult> KeepHeadAsync(HubDbContext db, JournalVerificationResult result, List<KeptHead> kept, CancellationToken cancellationToken)
    {
        var verdict = result.Verdict!;
        if (verdict.HeadSequence == 0)
        {
            logger.LogInformation("Journal verified: empty, no head to keep yet");
            return result;
        }

        var head = VerifiedHead.Create(verdict.HeadSequence, verdict.HeadHash!, result.CheckedAt, keys);
        logger.LogInformation("Journal verified: {Entries} entries intact; verified head {VerifiedHead}", verdict.EntriesChecked, head.ToLine());
        result = result with { Head = head };
        try
        {
            if (!kept.Any(k => k.Where == VerifiedHeads.InDatabase && k.Head.Sequence >= head.Sequence))
            {
                await VerifiedHeads.RecordAsync(db, head, cancellationToken);
            }

            if (headFile is not null && !kept.Any(k => k.Where == headFile.Where && k.Head.Sequence >= head.Sequence))
            {
                await headFile.AppendAsync(head, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The verified journal head could not be kept");
            result = result with { KeepFailure = ex.GetBaseException().Message };
        }

        return result;
    }
}
