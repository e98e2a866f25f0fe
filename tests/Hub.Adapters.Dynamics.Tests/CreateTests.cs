using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class CreateTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task A_case_is_created_by_upsert_on_the_correlation_key_with_its_title_priority_origin_and_customer()
    {
        var adapter = rig.CreateAdapter();
        var key = DynamicsRig.NewKey();

        var created = await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(Guid.Parse(created.ExternalId));
        Assert.NotNull(row);
        Assert.Equal(key, row.CorrelationKey);
        Assert.Equal(row.TicketNumber, created.ExternalNumber);
        Assert.Equal("Toilet blocked on the 3rd floor", row.Title);
        Assert.Equal(1, row.PriorityCode);
        Assert.Equal(3, row.CaseOriginCode);
        Assert.Equal(rig.Simulator.DefaultAccountId, row.CustomerId);
        Assert.Contains("Location: Utrecht Central, Tower B, 3, 3.14", row.Description, StringComparison.Ordinal);
        Assert.Contains("References: servicedesk I 2026 042", row.Description, StringComparison.Ordinal);
        var upsert = Assert.Single(rig.Simulator.DataverseRequests, r => r.Method == "PATCH");
        Assert.StartsWith($"incidents(hub_correlationid='{key}')", upsert.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("*", upsert.Header("If-None-Match"));
        Assert.Equal(201, upsert.StatusCode);
        Assert.Equal("4.0", upsert.Header("OData-Version"));
    }

    [Fact]
    public async Task A_second_create_with_the_same_key_gets_412_and_returns_the_existing_case()
    {
        var adapter = rig.CreateAdapter();
        var key = DynamicsRig.NewKey();

        var first = await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);
        var second = await rig.CreateAdapter().CreateAsync(rig.NewCase(key, "A retried create after a crash"), DynamicsRig.Timeout);

        Assert.Equal(first.ExternalId, second.ExternalId);
        Assert.Equal(first.ExternalNumber, second.ExternalNumber);
        Assert.Single(rig.Simulator.Cases, c => c.CorrelationKey == key);
        Assert.Equal("Toilet blocked on the 3rd floor", rig.Simulator.FindCaseByCorrelationKey(key)!.Title);
        Assert.Contains(rig.Simulator.DataverseRequests, r => r.Method == "PATCH" && r.StatusCode == 412);
    }

    [Fact]
    public async Task A_title_longer_than_Dynamics_allows_is_cut_and_kept_whole_in_the_description()
    {
        var adapter = rig.CreateAdapter();
        var longTitle = string.Concat(Enumerable.Repeat("Leaking radiator in meeting room ", 10));

        var created = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey(), longTitle), DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!;
        Assert.Equal(200, row.Title.Length);
        Assert.EndsWith("…", row.Title, StringComparison.Ordinal);
        Assert.StartsWith(longTitle.Trim(), row.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_without_a_customer_is_refused_permanently_before_anything_is_sent()
    {
        var adapter = rig.CreateAdapter();
        var command = rig.NewCase(DynamicsRig.NewKey()) with { Parameters = new Dictionary<string, string>() };

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(command, DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("\"customer\"", failure.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Simulator.DataverseRequests);
    }

    [Fact]
    public async Task An_unknown_correlation_key_finds_nothing_and_a_known_one_finds_the_case()
    {
        var adapter = rig.CreateAdapter();
        var key = DynamicsRig.NewKey();
        var created = await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);

        Assert.Null(await adapter.FindByCorrelationKeyAsync("HUB-2026-NOPE", DynamicsRig.Timeout));
        Assert.Equal(created.ExternalId, (await adapter.FindByCorrelationKeyAsync(key, DynamicsRig.Timeout))?.ExternalId);
    }

    public void Dispose() => rig.Dispose();
}
