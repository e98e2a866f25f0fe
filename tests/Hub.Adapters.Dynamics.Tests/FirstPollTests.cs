using Hub.Abstractions.Adapters;
using Hub.Simulators.Dynamics;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>
/// A newly configured org has years of cases: the first poll takes only those changed within
/// <c>FirstPollLookback</c> (default a day), and from then on every change, old case or new.
/// </summary>
public sealed class FirstPollTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly DynamicsRig rig;
    private readonly List<Guid> oldCases = [];
    private readonly List<Guid> recentCases = [];

    public FirstPollTests()
    {
        rig = new DynamicsRig(new DynamicsSimulatorOptions { Time = clock });
    }

    private DynamicsSimulator Simulator => rig.Simulator;

    /// <summary>300 cases last modified about four months ago (one with a note), and 2 from the last hour.</summary>
    private void SeedOrgWithHistory()
    {
        for (var n = 1; n <= 300; n++)
        {
            clock.AdjustTime(clock.Start + TimeSpan.FromDays(-120) + TimeSpan.FromMinutes(n));
            oldCases.Add(Simulator.PersonCreatesCase($"Old complaint {n}").Id);
        }

        Simulator.PersonAddsNote(oldCases[0], "Fixed back then.");
        clock.AdjustTime(clock.Start + TimeSpan.FromMinutes(-50));
        recentCases.Add(Simulator.PersonCreatesCase("Lift stuck between floors").Id);
        clock.AdjustTime(clock.Start + TimeSpan.FromMinutes(-5));
        recentCases.Add(Simulator.PersonCreatesCase("No hot water in the kitchen").Id);
        clock.AdjustTime(clock.Start);
    }

    private static HashSet<Guid> CasesIn(IEnumerable<ObservedChange> changes) => [.. changes.Select(c => Guid.Parse(c.ExternalId))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_first_poll_of_a_new_org_yields_only_recent_cases_and_later_changes_to_old_ones_still_come(bool tracksChanges)
    {
        SeedOrgWithHistory();
        if (!tracksChanges)
        {
            Simulator.DisableChangeTracking();
        }

        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "100" });

        var first = await DynamicsRig.ReadAllAsync(adapter, null);
        Simulator.PersonEditsCase(oldCases[7], title: "Old complaint 8, back again");
        var next = await DynamicsRig.ReadAllAsync(adapter, first.Watermark);

        Assert.Equal(recentCases.Order(), CasesIn(first.Changes).Order());
        var reopened = Assert.Single(next.Changes, c => c.ExternalId == oldCases[7].ToString());
        Assert.Equal("Old complaint 8, back again", reopened.Fields.Title);
        Assert.DoesNotContain(next.Changes, c => oldCases.Where(id => id != oldCases[7]).Contains(Guid.Parse(c.ExternalId)));
    }

    [Fact]
    public async Task After_an_expired_delta_token_the_return_to_change_tracking_does_not_bring_the_history_back()
    {
        SeedOrgWithHistory();
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["PageSize"] = "100" });
        var first = await DynamicsRig.ReadAllAsync(adapter, null);
        Simulator.ExpireDeltaTokens();

        var fallback = await DynamicsRig.ReadAllAsync(adapter, first.Watermark);
        var tracking = await DynamicsRig.ReadAllAsync(adapter, fallback.Watermark);

        Assert.Equal(recentCases.Order(), CasesIn(first.Changes).Order());
        Assert.Empty(CasesIn(fallback.Changes.Concat(tracking.Changes)).Intersect(oldCases));
        Assert.Contains("$deltatoken", tracking.Watermark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_lookback_takes_more_history_in()
    {
        SeedOrgWithHistory();
        var adapter = rig.CreateAdapter(new Dictionary<string, string?> { ["FirstPollLookback"] = "365.00:00:00", ["PageSize"] = "100" });

        var first = await DynamicsRig.ReadAllAsync(adapter, null);

        Assert.Equal(oldCases.Concat(recentCases).Order(), CasesIn(first.Changes.Where(c => c.Comment is null)).Order());
    }

    public void Dispose() => rig.Dispose();
}
