using System.Text.Json;
using Hub.Engine.Mapping.Loading;

namespace Hub.Engine.Tests.Mapping;

public sealed class MappingNodeReaderTests
{
    [Fact]
    public void A_value_after_emoji_right_to_left_text_and_an_escaped_nul_on_its_line_has_that_line_and_column()
    {
        const string line3 = "  \"b\": [ \"🚽 שלום עליכם \\u0000 é\", 42 ]";
        var text = "{\n  \"a\": \"x\",\n" + line3 + "\n}";

        var root = MappingNodeReader.Read(text);

        var items = root["b"]!.Items;
        Assert.Equal("🚽 שלום עליכם \0 é", items[0].Text);
        Assert.Equal((3, line3.IndexOf('"', 5) + 1), (items[0].Line, items[0].Column));
        Assert.Equal((3, line3.IndexOf("42", StringComparison.Ordinal) + 1), (items[1].Line, items[1].Column));
        Assert.True(items[1].IsInteger);
    }

    [Fact]
    public void Lines_end_at_a_lone_carriage_return_as_well()
    {
        var root = MappingNodeReader.Read("{\r\"a\":\r\n1,\r\"b\": true}");

        Assert.Equal(3, root["a"]!.Line);
        Assert.Equal((4, 6), (root["b"]!.Line, root["b"]!.Column));
    }

    [Fact]
    public void Properties_stay_in_file_order_with_a_name_written_twice_and_the_later_one_counts()
    {
        var root = MappingNodeReader.Read("{ \"z\": 1, \"a\": 2, \"z\": 3.5 }");

        Assert.Equal(["z", "a", "z"], root.Properties.Select(p => p.Key));
        Assert.Equal("3.5", root["z"]!.Text);
        Assert.False(root["z"]!.IsInteger);
    }

    [Theory]
    [InlineData("{ \"a\": 1, }")]
    [InlineData("{ \"a\": 1 } // note")]
    [InlineData("{ \"a\": 1 } { }")]
    [InlineData("")]
    public void Anything_but_one_strict_JSON_value_is_refused(string text)
    {
        Assert.ThrowsAny<JsonException>(() => MappingNodeReader.Read(text));
    }

    [Fact]
    public void An_escaped_half_surrogate_is_refused_at_its_line()
    {
        var error = Assert.ThrowsAny<JsonException>(() => MappingNodeReader.Read("{\n  \"a\": \"x\\ud800y\"\n}"));

        Assert.Equal(1, error.LineNumber);
    }
}
