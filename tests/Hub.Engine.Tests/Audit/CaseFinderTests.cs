using Hub.Engine.Audit;

namespace Hub.Engine.Tests.Audit;

public abstract class CaseFinderTests(IDatabaseSource databases) : SeededComplaintTests(databases)
{
    [Theory]
    [InlineData("HUB-2026-000042", "hub id")]
    [InlineData("hub-2026-000042", "hub id")]
    [InlineData("I 2026 042", "servicedesk number")]
    [InlineData("I2026042", "servicedesk number")]
    [InlineData("  i 2026  042 ", "servicedesk number")]
    [InlineData(ComplaintChain.TopDeskId, "servicedesk id")]
    [InlineData("CAS-01219-H6B9P4", "facility number")]
    [InlineData("cas-01219-h6b9p4", "facility number")]
    [InlineData("5F1C9E2A-7B3D-4C6E-9F10-2A3B4C5D6E7F", "facility id")]
    [InlineData("WO-7K3QX9PM", "contractor number")]
    [InlineData("[WO-7K3QX9PM]", "contractor number")]
    [InlineData("wo-7k3qx9pm", "contractor number")]
    [InlineData(ComplaintChain.WorkOrderId, "contractor id")]
    public async Task When_an_auditor_gives_any_reference_of_the_complaint_the_case_is_found(string reference, string matchedBy)
    {
        await using var db = Temp.Database.CreateContext();

        var matches = await CaseFinder.FindAsync(db, reference, CancellationToken.None);

        var match = Assert.Single(matches);
        Assert.Equal(ComplaintChain.CaseId, match.CaseId);
        Assert.Equal(matchedBy, match.MatchedBy);
        Assert.Equal(ComplaintChain.Title, match.Title);
    }

    [Fact]
    public async Task When_a_tenant_numbers_incidents_in_another_format_spacing_is_still_ignored()
    {
        await Temp.ExecuteSqlAsync("""UPDATE links SET "ExternalNumber" = 'I1811 - 123' WHERE "SystemName" = 'servicedesk'""");
        await using var db = Temp.Database.CreateContext();

        var matches = await CaseFinder.FindAsync(db, "i1811-123", CancellationToken.None);

        Assert.Equal(ComplaintChain.CaseId, Assert.Single(matches).CaseId);
    }

    [Theory]
    [InlineData("I 2026 043")]
    [InlineData("HUB-2026-999999")]
    [InlineData("[]")]
    [InlineData("   ")]
    public async Task When_nothing_carries_the_reference_no_case_is_found(string reference)
    {
        await using var db = Temp.Database.CreateContext();

        Assert.Empty(await CaseFinder.FindAsync(db, reference, CancellationToken.None));
    }
}

public sealed class CaseFinderOnSqliteTests() : CaseFinderTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class CaseFinderOnPostgresTests(PostgresServer server) : CaseFinderTests(server);
