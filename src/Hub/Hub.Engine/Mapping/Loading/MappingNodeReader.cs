using System.Text;
using System.Text.Json;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Reads a mapping file's text into <see cref="MappingNode"/>s, strictly: no comments, no trailing commas, one value.
/// Syntax errors are System.Text.Json's <see cref="JsonException"/> with its line and byte position.
/// </summary>
internal static class MappingNodeReader
{
    private static readonly JsonReaderOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static MappingNode Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new TextLines(bytes);
        var reader = new Utf8JsonReader(bytes, Strict);
        reader.Read();
        var root = Value(ref reader, bytes, lines);
        while (reader.Read())
        {
            // A second value after the first makes the reader throw; whitespace ends the loop.
        }

        return root;
    }

    private static MappingNode Value(ref Utf8JsonReader reader, byte[] bytes, TextLines lines)
    {
        var (line, column) = lines.At((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, MappingNode>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = StringOf(ref reader, lines);
                    reader.Read();
                    properties.Add(new(name, Value(ref reader, bytes, lines)));
                }

                return new MappingNode { Kind = JsonValueKind.Object, Line = line, Column = column, Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<MappingNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Value(ref reader, bytes, lines));
                }

                return new MappingNode { Kind = JsonValueKind.Array, Line = line, Column = column, Items = items };
            case JsonTokenType.String:
                return new MappingNode { Kind = JsonValueKind.String, Line = line, Column = column, Text = StringOf(ref reader, lines) };
            default:
                return new MappingNode
                {
                    Kind = KindOf(reader.TokenType),
                    Line = line,
                    Column = column,
                    Text = Encoding.UTF8.GetString(bytes, (int)reader.TokenStartIndex, reader.ValueSpan.Length),
                };
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };

    /// <summary>
    /// A string's text. The reader accepts an escaped half of a surrogate pair ("\ud800") that no text can hold; that
    /// is reported like any other syntax error, at its place.
    /// </summary>
    private static string StringOf(ref Utf8JsonReader reader, TextLines lines)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException e)
        {
            var offset = (int)reader.TokenStartIndex;
            var line = lines.At(offset).Line - 1;
            var position = lines.BytePositionInLine(offset);
            throw new JsonException($"{e.Message} LineNumber: {line} | BytePositionInLine: {position}.", null, line, position, e);
        }
    }
}
