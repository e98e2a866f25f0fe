using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class ErrorTests : IDisposable
{
    private const string WrongPassword = "wrong-secret-4711";
    private readonly TopDeskTestbed testbed = new();

    private TopDeskSimulator Simulator => testbed.Simulator;

    private static Task Comment(ISystemAdapter adapter, string incidentId) =>
        adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000009",
            ExternalId = incidentId,
            Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment("Stand van zaken?", true, null),
        }, TopDeskTestbed.Timeout);

    private string AnIncident() => Simulator.LogIncident(new SimulatedIncidentDraft { BriefDescription = "Printer storing", Category = "ICT" }).Id;

    [Fact]
    public async Task A_wrong_application_password_is_a_permanent_failure_that_says_so_without_the_secret()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["ApplicationPassword"] = WrongPassword });

        var error = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey()), TopDeskTestbed.Timeout));
        var health = await adapter.CheckHealthAsync(TopDeskTestbed.Timeout);

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("application password is wrong or expired", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hub:Systems:servicedesk:ApplicationPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains(Simulator.Username, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, error.ToString(), StringComparison.Ordinal);
        Assert.False(health.IsHealthy);
        Assert.DoesNotContain(WrongPassword, health.Detail, StringComparison.Ordinal);
        Assert.All(Simulator.Requests, r => Assert.Equal(401, r.Status));
    }

    [Fact]
    public async Task A_400_in_the_message_list_shape_is_permanent_and_names_the_field()
    {
        var id = AnIncident();
        Simulator.FailNextRequests(1, 400, TopDeskErrorShape.MessageList, "actionInvisibleForCaller: 'ja' cannot be parsed", method: "PATCH");

        var error = await Assert.ThrowsAsync<AdapterException>(() => Comment(testbed.CreateAdapter(), id));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("changing incident", error.Message, StringComparison.Ordinal);
        Assert.Contains("(400): actionInvisibleForCaller: 'ja' cannot be parsed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_in_the_errors_object_shape_is_permanent_and_names_the_field_and_code()
    {
        var adapter = testbed.CreateAdapter();
        Simulator.FailNextRequests(1, 400, TopDeskErrorShape.ErrorsObject, "page_size: must be a number from 1 to 100.");

        var error = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey()), TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("(400): page_size: page_size: must be a number from 1 to 100. (simulated_failure)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_for_missing_rights_is_permanent_and_quotes_TOPdesk()
    {
        var id = AnIncident();
        Simulator.FailNextRequests(1, 403, TopDeskErrorShape.MessageList, "No permission to access the data", method: "PATCH");

        var error = await Assert.ThrowsAsync<AdapterException>(() => Comment(testbed.CreateAdapter(), id));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("No permission to access the data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Server_errors_and_timeouts_are_transient(int status)
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "0" });
        Simulator.FailNextRequests(1, status);

        var error = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Transient, error.Kind);
        Assert.Contains($"({status})", error.Message, StringComparison.Ordinal);
        Assert.Equal(TopDeskTestbed.SystemName, error.SystemName);
    }

    [Fact]
    public async Task A_short_outage_is_retried_within_the_call()
    {
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "2" });
        Simulator.FailNextRequests(2, 503);

        var health = await adapter.CheckHealthAsync(TopDeskTestbed.Timeout);

        Assert.True(health.IsHealthy, health.Detail);
        Assert.Equal([503, 503, 200], Simulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Throttling_is_transient_and_carries_the_Retry_After_for_the_outbox()
    {
        var adapter = testbed.CreateAdapter();
        Simulator.ThrottleNextRequests(5, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<AdapterException>(() => adapter.ReadChangesAsync(null, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Transient, error.Kind);
        Assert.Contains("(429)", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        Assert.Single(Simulator.Requests); // a long penalty is not waited out inside the call
    }

    [Fact]
    public async Task An_unreachable_TOPdesk_is_transient_and_the_health_check_says_why()
    {
        string url;
        using (var gone = new TopDeskSimulator())
        {
            url = gone.Url;
        }

        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["BaseUrl"] = url, ["Http:MaxRetries"] = "0" });

        var error = await Assert.ThrowsAsync<AdapterException>(() => adapter.FindByCorrelationKeyAsync("HUB-2026-000001", TopDeskTestbed.Timeout));
        var health = await adapter.CheckHealthAsync(TopDeskTestbed.Timeout);

        Assert.Equal(FailureKind.Transient, error.Kind);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.False(health.IsHealthy);
    }

    public void Dispose() => testbed.Dispose();
}
