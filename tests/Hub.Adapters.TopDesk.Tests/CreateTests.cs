using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.TopDesk;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class CreateTests : IDisposable
{
    private readonly TopDeskTestbed testbed = new();

    private TopDeskSimulator Simulator => testbed.Simulator;

    private int Posts() => Simulator.Requests.Count(r => r.Method == "POST" && r.Path == "/tas/api/incidents");

    [Fact]
    public async Task A_long_title_is_cut_to_80_characters_and_kept_whole_in_the_request_text()
    {
        var title = "Lekkage in de technische ruimte boven de serverruimte, water druppelt langs de kabelgoot naar beneden";
        var adapter = testbed.CreateAdapter();

        var created = await adapter.CreateAsync(TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey(), title), TopDeskTestbed.Timeout);

        var incident = Simulator.Incident(created.ExternalId);
        Assert.InRange(incident.BriefDescription.Length, 75, 80);
        Assert.EndsWith("…", incident.BriefDescription, StringComparison.Ordinal);
        Assert.StartsWith(incident.BriefDescription[..^1].TrimEnd(), title, StringComparison.Ordinal);
        Assert.StartsWith(title + "<br>", incident.Request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(74, "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")] // a ZWJ family across the 80th character
    [InlineData(76, "\U0001F1F3\U0001F1F1")] // a flag across it: never one of its two letters alone
    public async Task A_title_with_an_emoji_across_the_cut_keeps_whole_characters_in_the_brief_description(int at, string emoji)
    {
        var title = new string('x', at) + emoji + " lekt bij de meterkast";
        var adapter = testbed.CreateAdapter();

        var created = await adapter.CreateAsync(TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey(), title), TopDeskTestbed.Timeout);

        var brief = Simulator.Incident(created.ExternalId).BriefDescription;
        Assert.True(brief.Length <= 80, $"{brief.Length} characters");
        Assert.EndsWith("…", brief, StringComparison.Ordinal);
        var kept = brief[..^1];
        Assert.StartsWith(kept, title, StringComparison.Ordinal);
        Assert.Contains(kept.Length, TextElementStarts(title));
    }

    [Fact]
    public async Task A_new_incident_carries_the_key_the_caller_and_its_search_list_values_by_id()
    {
        var key = TopDeskTestbed.NewKey();
        var adapter = testbed.CreateAdapter();

        var created = await adapter.CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout);

        var incident = Simulator.Incident(created.ExternalId);
        Assert.Equal(incident.Number, created.ExternalNumber);
        Assert.Equal(key, incident.ExternalNumber);
        Assert.Equal(("Facilitair", "Sanitair"), (incident.Category?.Name, incident.Subcategory?.Name));
        Assert.Equal(("Geregistreerd", "Hoog"), (incident.ProcessingStatus?.Name, incident.Priority?.Name));
        Assert.Equal("Facilitaire dienst", incident.OperatorGroup?.Name);
        Assert.Equal(("Jan Jansen", "jan.jansen@example.org", "+31 20 123 4567"), (incident.CallerName, incident.CallerEmail, incident.CallerPhone));
        var post = Simulator.Requests.Single(r => r.Method == "POST");
        Assert.Contains($$"""
            "category":{"id":"{{incident.Category!.Id}}"}
            """.Trim(), post.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("Hub-zaak: HUB-2026-000042", incident.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_without_a_reporter_gets_the_fallback_caller()
    {
        var command = TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey()) with
        {
            Fields = new CaseFields { Title = "Lamp kapot in de hal" },
        };
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["CallerFallback"] = "Facilitair meldpunt" });

        var created = await adapter.CreateAsync(command, TopDeskTestbed.Timeout);

        Assert.Equal("Facilitair meldpunt", Simulator.Incident(created.ExternalId).CallerName);
    }

    [Fact]
    public async Task When_the_answer_to_a_create_is_lost_the_retry_finds_the_incident_instead_of_making_another()
    {
        var key = TopDeskTestbed.NewKey();
        var adapter = testbed.CreateAdapter(new Dictionary<string, string?> { ["Http:MaxRetries"] = "3" });
        Simulator.LoseAnswersToNextWrites(1);

        var lost = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout));
        var restarted = testbed.CreateAdapter();
        var second = await restarted.CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout);

        Assert.Equal(FailureKind.Transient, lost.Kind);
        Assert.Equal(1, Posts());
        var stored = Assert.Single(Simulator.Incidents, i => i.ExternalNumber == key);
        Assert.Equal(stored.Id, second.ExternalId);
    }

    [Fact]
    public async Task After_a_crash_a_new_adapter_finds_the_incident_by_its_key_and_does_not_post_again()
    {
        var key = TopDeskTestbed.NewKey();
        var first = await testbed.CreateAdapter().CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout);
        Simulator.Archive(first.ExternalId);

        var found = await testbed.CreateAdapter().FindByCorrelationKeyAsync(key, TopDeskTestbed.Timeout);
        var again = await testbed.CreateAdapter().CreateAsync(TopDeskTestbed.CreateCommand(key), TopDeskTestbed.Timeout);

        Assert.Equal(first.ExternalId, found?.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.Equal(1, Posts());
    }

    [Fact]
    public async Task An_unknown_category_is_a_permanent_failure_that_names_the_known_ones()
    {
        var command = TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey()) with
        {
            TargetValues = new Dictionary<string, string> { [MappedField.Category] = "Tuinonderhoud" },
        };

        var error = await Assert.ThrowsAsync<AdapterException>(() => testbed.CreateAdapter().CreateAsync(command, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("'Tuinonderhoud'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Facilitair, ICT", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Posts());
    }

    [Fact]
    public async Task A_subcategory_is_resolved_within_its_category()
    {
        var command = TopDeskTestbed.CreateCommand(TopDeskTestbed.NewKey()) with
        {
            TargetValues = new Dictionary<string, string> { [MappedField.Category] = "ICT", [MappedField.Subcategory] = "Sanitair" },
        };

        var error = await Assert.ThrowsAsync<AdapterException>(() => testbed.CreateAdapter().CreateAsync(command, TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("subcategory named 'Sanitair' in that category", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correlation_key_longer_than_60_characters_is_refused_before_calling_TOPdesk()
    {
        var error = await Assert.ThrowsAsync<AdapterException>(() =>
            testbed.CreateAdapter().CreateAsync(TopDeskTestbed.CreateCommand(new string('K', 61)), TopDeskTestbed.Timeout));

        Assert.Equal(FailureKind.Permanent, error.Kind);
        Assert.Contains("60", error.Message, StringComparison.Ordinal);
        Assert.Empty(Simulator.Requests);
    }

    public void Dispose() => testbed.Dispose();

    private static List<int> TextElementStarts(string text) => [.. System.Globalization.StringInfo.ParseCombiningCharacters(text), text.Length];
}
