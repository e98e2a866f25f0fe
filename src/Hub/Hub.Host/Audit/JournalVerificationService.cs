using Hub.Engine.Journal;
using Hub.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// Verifies the journal's hash chain when the hub starts and then every <c>Hub:Audit:VerifyInterval</c>
/// (default one hour); the last result is what <see cref="JournalHealthCheck"/> reports. Each run also checks that the
/// head of the last intact run is still in the chain, so newest entries cut off while the hub runs are caught too.
/// </summary>
internal sealed class JournalVerificationService(
    HubDatabase database,
    JournalVerificationState state,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<JournalVerificationService> logger) : BackgroundService
{
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
                var verdict = await JournalVerifier.VerifyAsync(db, state.IntactHead, cancellationToken);
                result = new JournalVerificationResult(time.GetUtcNow(), verdict, null);
            }

            if (result.Verdict!.IsIntact)
            {
                logger.LogInformation("Journal verified: {Entries} entries intact, head {HeadHash}", result.Verdict.EntriesChecked, result.Verdict.HeadHash);
            }
            else
            {
                logger.LogCritical("Journal tampered: {Verdict}", result.Verdict.ToString());
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
}
