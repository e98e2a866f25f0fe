using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Writes a <see cref="MappingNode"/> as JSON without layout, character for character as the hub wrote it before (with
/// Newtonsoft.Json), so a hub upgraded onto the same files keeps their version: control characters, '"', '\' and
/// U+0085, U+2028, U+2029 escaped (\uXXXX in lower case unless they have a short form), everything else as it is;
/// integers as numbers. A schema-valid mapping file holds no fractions, so other numbers are written as they were read.
/// </summary>
internal static class CompactJson
{
    public static void Append(StringBuilder json, MappingNode node)
    {
        switch (node.Kind)
        {
            case JsonValueKind.Object:
                json.Append('{');
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    AppendText(json.Append(i == 0 ? string.Empty : ","), node.Properties[i].Key).Append(':');
                    Append(json, node.Properties[i].Value);
                }

                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    Append(json.Append(i == 0 ? string.Empty : ","), node.Items[i]);
                }

                json.Append(']');
                break;
            case JsonValueKind.String:
                AppendText(json, node.Text);
                break;
            case JsonValueKind.Number when node.IsInteger && long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                json.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                json.Append(node.Text);
                break;
        }
    }

    private static StringBuilder AppendText(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\t' => json.Append("\\t"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\f' => json.Append("\\f"),
                '\b' => json.Append("\\b"),
                < ' ' or '\u0085' or '\u2028' or '\u2029' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"');
    }
}
