using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Audit;

public sealed class TimeInOrganisationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_a_resolved_complaint_is_reopened_the_last_organisation_holds_it_again()
    {
        TraceLink[] links = [new("servicedesk", "a", "I 2026 001", "servicedesk", null, T0), new("facility", "b", "CAS-1", "facility", "servicedesk", T0.AddHours(1))];
        JournalRecord[] events =
        [
            Entry(1, T0.AddHours(5), "Resolved"),
            Entry(2, T0.AddHours(6), "Reopened"),
        ];

        var stays = TimeInOrganisation.Compute(links, events, T0.AddHours(10));

        Assert.Equal(TimeSpan.FromHours(1), stays[0].Waited);
        Assert.True(stays[1].IsCurrent);
        Assert.Equal(TimeSpan.FromHours(9), stays[1].Waited);
    }

    [Fact]
    public void When_the_journal_names_a_records_creation_that_time_counts_rather_than_the_links_own()
    {
        TraceLink[] links = [new("servicedesk", "a", null, "servicedesk", null, T0.AddMinutes(30))];
        JournalRecord[] events = [Entry(1, T0, "Created", source: "servicedesk", record: "a"), Entry(2, T0.AddHours(2), "Cancelled")];

        var stay = Assert.Single(TimeInOrganisation.Compute(links, events, T0.AddDays(1)));

        Assert.Equal(T0, stay.From);
        Assert.Equal(TimeSpan.FromHours(2), stay.Waited);
        Assert.False(stay.IsCurrent);
    }

    private static JournalRecord Entry(long sequence, DateTimeOffset at, string kind, string? source = null, string? record = null) => new()
    {
        Sequence = sequence, At = at, Kind = kind, Outcome = "Observed", SourceSystem = source, SourceRecord = record,
        PreviousHash = string.Empty, Hash = string.Empty,
    };
}
