using System.Text.Json;

namespace Hub.Host.Tests.Audit;

public sealed class TraceCommandTests : SeededChainTests
{
    [Theory]
    [InlineData(ComplaintChain.CaseId)]
    [InlineData("I 2026 042")]
    [InlineData("I2026042")]
    [InlineData(ComplaintChain.DynamicsNumber)]
    [InlineData("[WO-7K3QX9PM]")]
    [InlineData(ComplaintChain.DynamicsId)]
    [InlineData(ComplaintChain.WorkOrderId)]
    public async Task When_traced_by_any_reference_the_whole_chain_and_timeline_is_shown(string reference)
    {
        var result = await HubCliRun.RunAsync(Temp, "trace", reference);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains($"Case {ComplaintChain.CaseId}: Toilet verstopt", result.Output, StringComparison.Ordinal);
        Assert.Contains(ComplaintChain.TopDeskNumber, result.Output, StringComparison.Ordinal);
        Assert.Contains(ComplaintChain.DynamicsNumber, result.Output, StringComparison.Ordinal);
        Assert.Contains(ComplaintChain.WorkOrderToken, result.Output, StringComparison.Ordinal);
        Assert.Contains(ComplaintChain.Appointment, result.Output, StringComparison.Ordinal);
        Assert.Contains("SMTP 451 temporary failure", result.Output, StringComparison.Ordinal);
        Assert.Contains("facility     facility     2026-11-20 08:05:00  2026-11-20 11:05:00  3h 00m", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_traced_with_json_exactly_the_promised_object_is_printed()
    {
        var result = await HubCliRun.RunAsync(Temp, "trace", "I2026042", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(["caseId", "title", "status", "links", "events"], Names(root));
        Assert.Equal(ComplaintChain.CaseId, root.GetProperty("caseId").GetString());
        Assert.Equal(ComplaintChain.Title, root.GetProperty("title").GetString());
        Assert.Equal("Resolved", root.GetProperty("status").GetString());

        var links = root.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.Equal(["system", "externalId", "number", "role"], Names(l)));
        Assert.Equal([ComplaintChain.TopDeskNumber, ComplaintChain.DynamicsNumber, ComplaintChain.WorkOrderToken], links.Select(l => l.GetProperty("number").GetString()));

        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(10, events.Count);
        Assert.All(events, e => Assert.Equal(["at", "kind", "source", "target", "outcome", "detail"], Names(e)));
        Assert.Equal("2026-11-20T08:00:00+00:00", events[0].GetProperty("at").GetString());
        Assert.Contains(events, e => e.GetProperty("detail").GetString() == ComplaintChain.Appointment && e.GetProperty("target").GetString() == "servicedesk");
    }

    [Fact]
    public async Task When_no_case_carries_the_reference_the_command_says_so_and_fails()
    {
        var result = await HubCliRun.RunAsync(Temp, "trace", "I 2099 999");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("No case found for 'I 2099 999'", result.Error, StringComparison.Ordinal);
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
