using Hub.Simulators.TopDesk;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.TopDesk.Tests;

/// <summary>
/// An incident read on request (a webhook named it) while the same adapter polls: the reading carries the version the
/// poll gives the same state, so the engine's inbox drops the poll's repeat; and it leaves the poll's memory of settled
/// incidents alone, so the next poll still reads progress entries written since.
/// </summary>
public sealed class ReadOnRequestTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly TopDeskTestbed testbed;

    public ReadOnRequestTests()
    {
        testbed = new TopDeskTestbed(new TopDeskSimulatorOptions { Time = clock });
    }

    private TopDeskSimulator Simulator => testbed.Simulator;

    private SimulatedIncident LogComplaint(string title) => testbed.LogComplaint(title);

    [Fact]
    public async Task An_incident_read_on_request_has_the_version_the_poll_gives_it()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter();
        clock.Advance(TimeSpan.FromSeconds(3));

        var byId = await adapter.ReadRecordAsync(incident.Id, TopDeskTestbed.Timeout);
        var byNumber = await adapter.ReadRecordAsync(incident.Number, TopDeskTestbed.Timeout);
        var polled = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);

        var snapshot = Assert.Single(polled.Changes, c => c.ExternalId == incident.Id && c.Comment is null);
        Assert.Equal(snapshot.Version, byId!.Version);
        Assert.Equal(snapshot.Version, byNumber!.Version);
        Assert.Equal(snapshot.OccurredAt, byId.OccurredAt);
    }

    [Fact]
    public async Task Reading_an_incident_on_request_between_polls_does_not_keep_the_next_poll_from_its_new_progress_entries()
    {
        var incident = LogComplaint("Toilet verstopt");
        var adapter = testbed.CreateAdapter();
        clock.Advance(TimeSpan.FromSeconds(3));
        var first = await adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await adapter.ReadChangesAsync(first.NextWatermark, TopDeskTestbed.Timeout); // settled now

        clock.Advance(TimeSpan.FromSeconds(1));
        Simulator.AddAction(incident.Id, "Monteur komt dinsdag.");
        var onRequest = await adapter.ReadRecordAsync(incident.Id, TopDeskTestbed.Timeout);
        clock.Advance(TimeSpan.FromSeconds(1));
        var next = await adapter.ReadChangesAsync(second.NextWatermark, TopDeskTestbed.Timeout);

        Assert.NotNull(onRequest);
        Assert.Null(onRequest.Comment); // a reading on request is the snapshot; the entries come with the poll
        Assert.Contains(next.Changes, c => c.ExternalId == incident.Id && c.Comment?.Text.Contains("Monteur komt dinsdag", StringComparison.Ordinal) == true);
        Assert.Contains(next.Changes, c => c.ExternalId == incident.Id && c.Comment is null && c.Version == onRequest.Version);
    }

    public void Dispose() => testbed.Dispose();
}
