using Hub.Engine.Mapping;
using Hub.Engine.Mapping.Loading;

namespace Hub.Engine.Tests.Mapping;

/// <summary>The schema check knows a fixed set of keywords; a schema using any other is refused when it is read.</summary>
public sealed class SchemaRulesTests
{
    [Fact]
    public void The_shipped_schema_uses_only_keywords_the_check_knows()
    {
        var root = SchemaRules.Read(MappingLoader.SchemaText);

        Assert.Contains("routes", root.Properties.Keys);
    }

    [Theory]
    [InlineData("\"minLength\": 1", "\"minLength\": 1, \"maxLength\": 80", "\"maxLength\" (at #/definitions/text/maxLength)")]
    [InlineData("\"minItems\": 1,", "\"minItems\": 1, \"uniqueItems\": true,", "\"uniqueItems\" (at #/definitions/valueMap/properties/values/uniqueItems)")]
    [InlineData("\"format\": \"email\"", "\"format\": \"uri\"", "#/definitions/contractor/properties/email/format is \"uri\"")]
    [InlineData("\"type\": \"boolean\"", "\"type\": \"bool\"", "unknown type \"bool\"")]
    [InlineData("\"role\": {\n          \"description\": \"The part", "\"role\": {\n          \"type\": \"string\",\n          \"description\": \"The part", "has \"$ref\" beside \"type\"")]
    [InlineData("\"#/definitions/textList\" }", "\"#/definitions/textlist\" }", "\"$ref\": \"#/definitions/textlist\" names no definition")]
    public void A_keyword_the_check_does_not_know_is_refused_by_name(string shipped, string edited, string named)
    {
        var schema = MappingLoader.SchemaText;
        Assert.Contains(shipped, schema, StringComparison.Ordinal);

        var refused = Assert.Throws<InvalidOperationException>(() => SchemaRules.Read(ReplaceFirst(schema, shipped, edited)));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("The mapping schema hub-mappings.schema.json cannot be used:", refused.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
