using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task A_validation_error_is_permanent_and_quotes_what_Dynamics_said()
    {
        var adapter = rig.CreateAdapter();
        var command = rig.NewCase(DynamicsRig.NewKey()) with
        {
            TargetValues = new Dictionary<string, string> { [MappedField.Priority] = "99" },
        };

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(command, DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("'prioritycode'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("code 0x80044331", failure.Message, StringComparison.Ordinal);
        Assert.Equal(DynamicsRig.SystemName, failure.SystemName);
    }

    [Fact]
    public async Task A_server_error_that_persists_is_transient_after_the_retries()
    {
        var adapter = rig.CreateAdapter();
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        rig.Simulator.FailNextRequests(3, 500);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Contains("An unexpected error occurred. (code 0x80040216)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, rig.Simulator.DataverseRequests.Count);
    }

    [Fact]
    public async Task A_short_outage_is_ridden_out_by_the_retries()
    {
        var adapter = rig.CreateAdapter();
        var key = DynamicsRig.NewKey();
        rig.Simulator.FailNextRequests(1, 503);

        var created = await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);

        Assert.Equal(created.ExternalId, rig.Simulator.FindCaseByCorrelationKey(key)!.Id.ToString());
    }

    [Fact]
    public async Task On_a_flaky_org_every_case_is_still_created_exactly_once()
    {
        var adapter = rig.CreateAdapter();
        await adapter.FindByCorrelationKeyAsync(DynamicsRig.NewKey(), DynamicsRig.Timeout);
        rig.Simulator.FailShareOfRequests(0.35, TimeSpan.FromMilliseconds(10));
        var keys = Enumerable.Range(0, 10).Select(_ => DynamicsRig.NewKey()).ToList();

        foreach (var key in keys)
        {
            await adapter.CreateAsync(rig.NewCase(key), DynamicsRig.Timeout);
        }

        Assert.All(keys, key => Assert.Single(rig.Simulator.Cases, c => c.CorrelationKey == key));
        Assert.Contains(rig.Simulator.DataverseRequests, r => r.StatusCode == 503);
    }

    [Fact]
    public async Task A_change_to_a_case_that_is_gone_is_permanent()
    {
        var adapter = rig.CreateAdapter();

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000001",
            ExternalId = Guid.NewGuid().ToString(),
            Kind = ChangeKind.FieldsChanged,
            Fields = new CaseFields { Title = "x" },
        }, DynamicsRig.Timeout));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("404", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Does Not Exist", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => rig.Dispose();
}
