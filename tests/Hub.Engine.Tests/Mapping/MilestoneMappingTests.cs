using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

/// <summary>The milestone sentences and the routes' expected times in the mapping files, as the loader checks them.</summary>
public sealed class MilestoneMappingTests : IDisposable
{
    private readonly MappingDirectory mappings = MappingDirectory.CopyOfShipped();

    public void Dispose() => mappings.Dispose();

    [Fact]
    public void The_shipped_milestones_have_a_sentence_for_every_milestone_in_Dutch_and_English()
    {
        var loaded = MappingLoader.Load(MappingDirectory.Shipped).Mappings!;

        foreach (var language in new[] { "nl", "en" })
        {
            var set = loaded.MilestonesFor(language);
            Assert.NotNull(set);
            Assert.Equal(language, set.Language);
            Assert.All(Enum.GetValues<Hub.Engine.Journey.Milestone>(), m => Assert.False(string.IsNullOrWhiteSpace(set.TextFor(Hub.Engine.Journey.MilestoneWording.KeyOf(m)))));
        }

        Assert.Equal(new Abstractions.Mapping.ExpectedTime(1, 0), loaded.Routes.Single(r => r.Name == "facility-to-contractor").ExpectedWithin);
    }

    [Fact]
    public void Milestones_without_a_Dutch_set_are_refused_naming_the_file()
    {
        mappings.Edit("milestones.json", "\"language\": \"nl\"", "\"language\": \"de\"");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.MissingMilestoneLanguage, "milestones.json", "$.milestones");

        Assert.Contains("'nl'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_set_without_a_sentence_for_a_milestone_is_refused_naming_the_key()
    {
        mappings.Edit("milestones.json", "\"accepted\": \"The engineer has accepted the job.\",", string.Empty);

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.MissingMilestoneText, "milestones.json", "$.milestones[1].accepted");

        Assert.Contains("'en'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_sentence_with_a_placeholder_the_hub_does_not_fill_is_refused()
    {
        mappings.Edit("milestones.json", "verwacht uiterlijk {{expectedBy}}. We", "verwacht uiterlijk {{expectedAt}}. We");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownPlaceholder, "milestones.json", "$.milestones[0].stillWaiting");

        Assert.Contains("expectedBy", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_time_in_both_days_and_hours_is_refused_by_the_schema()
    {
        mappings.Edit("routes.json", "\"expectedWithin\": { \"workingDays\": 1,", "\"expectedWithin\": { \"workingDays\": 1, \"workingHours\": 3,");

        var result = MappingLoader.Load(mappings.Path);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "routes.json" && e.JsonPath.StartsWith("$.routes[1].expectedWithin", StringComparison.Ordinal));
    }
}
