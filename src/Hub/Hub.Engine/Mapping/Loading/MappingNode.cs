using System.Text.Json;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// One value of a mapping file with where it starts (1-based line and column, columns in UTF-16 characters). Objects keep
/// their properties in file order, a name written twice included; <see cref="Text"/> is a string's text or, for
/// numbers, true, false and null, the JSON as written.
/// </summary>
internal sealed class MappingNode
{
    public required JsonValueKind Kind { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public string Text { get; init; } = string.Empty;

    public IReadOnlyList<MappingNode> Items { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, MappingNode>> Properties { get; init; } = [];

    /// <summary>A number written without fraction or exponent, as JSON Schema's "integer" wants it.</summary>
    public bool IsInteger => Kind == JsonValueKind.Number && Text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>The value of a property; of a name written twice, the later one (as a JSON reader would keep).</summary>
    public MappingNode? this[string name] => Properties.LastOrDefault(p => p.Key == name).Value;

    /// <summary>A string's text, or null for anything else.</summary>
    public static string? TextOf(MappingNode? node) => node?.Kind == JsonValueKind.String ? node.Text : null;
}
