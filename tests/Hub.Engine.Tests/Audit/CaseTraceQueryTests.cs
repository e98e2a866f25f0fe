using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Audit;

public abstract class CaseTraceQueryTests(IDatabaseSource databases) : IAsyncLifetime
{
    private TestDatabase temp = null!;

    public async Task InitializeAsync() => temp = await databases.CreateAsync();

    public async Task DisposeAsync() => await temp.DisposeAsync();

    [Fact]
    public async Task When_the_complaint_went_round_the_chain_the_trace_shows_each_organisation_and_how_long_it_waited_there()
    {
        await ComplaintChain.SeedAsync(temp.Database);
        await using var db = temp.Database.CreateContext();

        var trace = await CaseTraceQuery.LoadAsync(db, ComplaintChain.CaseId, ComplaintChain.ResolvedAt.AddDays(30), CancellationToken.None);

        Assert.NotNull(trace);
        Assert.Equal(["servicedesk", "facility", "contractor"], trace.Links.Select(l => l.Role));
        Assert.Equal(["servicedesk", "facility", "contractor"], trace.Stays.Select(s => s.Role));
        Assert.Equal(ComplaintChain.AtServiceDesk, trace.Stays[0].Waited);
        Assert.Equal(ComplaintChain.AtFacility, trace.Stays[1].Waited);
        Assert.Equal(ComplaintChain.ResolvedAt - ComplaintChain.ReportedAt - ComplaintChain.AtServiceDesk - ComplaintChain.AtFacility, trace.Stays[2].Waited);
        Assert.Equal(ComplaintChain.ResolvedAt, trace.Stays[2].Until);
        Assert.Null(trace.Current);
        Assert.All(trace.Events, e => Assert.Equal(ComplaintChain.CaseId, e.CaseId));
        Assert.Equal(trace.Events.Select(e => e.Sequence).Order(), trace.Events.Select(e => e.Sequence));
        Assert.Contains(trace.Events, e => e is { Outcome: "Failed", Error: "SMTP 451 temporary failure" });
    }

    [Fact]
    public async Task When_the_complaint_is_still_open_the_last_organisation_holds_it_until_now()
    {
        await ComplaintChain.SeedAsync(temp.Database, resolved: false);
        await using var db = temp.Database.CreateContext();
        var now = ComplaintChain.ReportedAt.AddDays(3);

        var trace = await CaseTraceQuery.LoadAsync(db, ComplaintChain.CaseId, now, CancellationToken.None);

        var current = trace!.Current;
        Assert.NotNull(current);
        Assert.Equal("contractor", current.Role);
        Assert.Null(current.Until);
        Assert.Equal(now - current.From, current.Waited);
    }

    [Fact]
    public async Task When_the_case_does_not_exist_there_is_no_trace()
    {
        await using var db = temp.Database.CreateContext();

        Assert.Null(await CaseTraceQuery.LoadAsync(db, "HUB-2026-000001", ComplaintChain.ReportedAt, CancellationToken.None));
    }
}

public sealed class CaseTraceQueryOnSqliteTests() : CaseTraceQueryTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class CaseTraceQueryOnPostgresTests(PostgresServer server) : CaseTraceQueryTests(server);
