using System.Text.Json;
using Hub.Adapters.TopDesk.Api;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskDateConverterTests
{
    private sealed record Dated(DateTimeOffset? When);

    private static DateTimeOffset? Read(string json) => JsonSerializer.Deserialize<Dated>(json, TopDeskJson.Options)!.When;

    /// <summary>TOPdesk's own form has an offset without a colon (+0000), which .NET does not read by itself.</summary>
    [Theory]
    [InlineData("2020-10-01T14:10:00.000+0000", "2020-10-01T14:10:00.0000000+00:00")]
    [InlineData("2015-11-15T14:00:00.000+0200", "2015-11-15T12:00:00.0000000+00:00")]
    [InlineData("2021-02-11T06:32:36.303-0130", "2021-02-11T08:02:36.3030000+00:00")]
    [InlineData("2020-10-01T14:10:00Z", "2020-10-01T14:10:00.0000000+00:00")]
    [InlineData("2022-04-26T08:21:48.520Z", "2022-04-26T08:21:48.5200000+00:00")]
    [InlineData("2020-10-01T16:10:00+02:00", "2020-10-01T14:10:00.0000000+00:00")]
    public void TOPdesks_own_form_and_ISO_8601_are_both_read(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read($$"""{"when":"{{text}}"}"""));
    }

    [Fact]
    public void A_date_without_an_offset_is_taken_as_UTC_as_TOPdesk_documents()
    {
        Assert.Equal(new DateTimeOffset(2018, 9, 17, 17, 36, 0, TimeSpan.Zero), Read("""{"when":"2018-09-17T17:36:00"}"""));
    }

    [Fact]
    public void A_null_date_stays_null()
    {
        Assert.Null(Read("""{"when":null}"""));
    }

    [Theory]
    [InlineData("gisteren")]
    [InlineData("2020-13-45T99:00:00.000+0000")]
    [InlineData("")]
    public void Something_that_is_not_a_date_is_refused_with_the_text_in_the_message(string text)
    {
        var error = Assert.Throws<JsonException>(() => Read($$"""{"when":"{{text}}"}"""));
        Assert.Contains("is not a TOPdesk date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_written_in_TOPdesks_form_in_UTC()
    {
        var json = JsonSerializer.Serialize(new Dated(new DateTimeOffset(2026, 11, 24, 9, 30, 15, 120, TimeSpan.FromHours(1))), TopDeskJson.Options);
        Assert.Equal("""{"when":"2026-11-24T08:30:15.120+0000"}""", json);
    }
}
