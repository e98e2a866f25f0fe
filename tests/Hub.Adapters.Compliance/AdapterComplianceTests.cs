using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Xunit;

namespace Hub.Adapters.Compliance;

/// <summary>
/// The behaviour every adapter must show, whatever system it speaks to. Each adapter's test project derives from this
/// class once per peer and supplies a harness over its real protocol peer. The cases are in the partial files:
/// writing (create, status, unknown records), reading (changes, echoes, watermark and restart) and failures.
/// </summary>
public abstract partial class AdapterComplianceTests : IAsyncLifetime
{
    private IAdapterComplianceHarness? harness;

    protected IAdapterComplianceHarness Harness => harness ?? throw new InvalidOperationException("harness not started");

    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected abstract Task<IAdapterComplianceHarness> StartHarnessAsync();

    public async Task InitializeAsync() => harness = await StartHarnessAsync();

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private static string NewKey() => "HUB-TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    private static bool Says(ObservedChange change, string text) => change.Comment?.Text.Contains(text, StringComparison.Ordinal) == true;

    private static ApplyChangeCommand HubComment(string externalId, string text) => new()
    {
        CaseId = "HUB-2026-000001",
        ExternalId = externalId,
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment(text, IsPublic: true, Author: "hub"),
    };

    /// <summary>Reads pages until the adapter says there is no more, as the engine does.</summary>
    protected static async Task<(List<ObservedChange> Changes, string? Watermark)> ReadAllAsync(ISystemAdapter adapter, string? watermark)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var changes = new List<ObservedChange>();
        for (var page = 0; page < 100; page++)
        {
            var batch = await adapter.ReadChangesAsync(watermark, Timeout);
            changes.AddRange(batch.Changes);
            watermark = batch.NextWatermark;
            if (!batch.HasMore)
            {
                break;
            }
        }

        return (changes, watermark);
    }

    /// <summary>The record's status once the peer shows <paramref name="expected"/>, or the last one read after a while (a mail server delivers later).</summary>
    private async Task<string?> StatusOnceShownAsync(string externalId, string expected)
    {
        string? status = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            status = await Harness.StatusOfAsync(externalId, Timeout);
            if (status == expected)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return status;
    }
}
