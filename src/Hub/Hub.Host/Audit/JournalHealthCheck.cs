using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Host.Audit;

/// <summary>
/// Reports the last scheduled journal verification: healthy while the hash chain is intact and still holds the verified
/// heads kept outside it; degraded when the head just verified could not be kept.
/// </summary>
internal sealed class JournalHealthCheck(JournalVerificationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = state.Last;
        var result = last switch
        {
            null => HealthCheckResult.Healthy("Journal not verified yet; the first check runs when the hub starts."),
            { Verdict: null } => HealthCheckResult.Unhealthy($"Journal verification could not run at {Stamp(last)}: {last.Failure}", data: Data(last)),
            { Verdict.IsIntact: true, KeepFailure: { } keep } => HealthCheckResult.Degraded($"{last.Verdict} Checked at {Stamp(last)}. The verified head could not be kept: {keep}", data: Data(last)),
            { Verdict.IsIntact: true } => HealthCheckResult.Healthy($"{last.Verdict} Checked at {Stamp(last)}.", Data(last)),
            _ => HealthCheckResult.Unhealthy($"{last.Verdict} Checked at {Stamp(last)}.", data: Data(last)),
        };
        return Task.FromResult(result);
    }

    private static string Stamp(JournalVerificationResult result) => result.CheckedAt.ToString("O", CultureInfo.InvariantCulture);

    private static Dictionary<string, object> Data(JournalVerificationResult result)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["checkedAt"] = result.CheckedAt };
        if (result.Verdict is { } verdict)
        {
            data["entriesChecked"] = verdict.EntriesChecked;
            data["keyed"] = verdict.Keyed;
            if (verdict.SignedFrom is { } signedFrom)
            {
                data["signedFrom"] = signedFrom;
            }

            if (verdict.FirstBadSequence is { } bad)
            {
                data["firstBadSequence"] = bad;
            }
        }

        if (result.Head is { } head)
        {
            data["verifiedHead"] = head.Sequence;
        }

        return data;
    }
}
