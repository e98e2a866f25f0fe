using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// The part of OData <c>$filter</c> the simulated org understands: comparisons (<c>eq ne gt ge lt le</c>) of a
/// column with a literal, joined by <c>and</c>. Anything else is refused the way Dataverse refuses it.
/// </summary>
internal sealed partial class ODataFilter
{
    private readonly List<(string Column, string Op, string Literal)> clauses = [];

    private ODataFilter()
    {
    }

    public IEnumerable<string> Columns => clauses.Select(c => c.Column);

    public static ODataFilter Parse(string? text)
    {
        var filter = new ODataFilter();
        if (string.IsNullOrWhiteSpace(text))
        {
            return filter;
        }

        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var match = Clause().Match(rest);
            if (!match.Success)
            {
                throw DataverseFault.BadRequest($"Syntax error at position {text.Length - rest.Length} in '{text}'.", "0x80060888");
            }

            filter.clauses.Add((match.Groups["col"].Value, match.Groups["op"].Value, match.Groups["lit"].Value));
            rest = rest[match.Length..].TrimStart();
        }

        return filter;
    }

    public bool Matches(JsonObject row)
    {
        foreach (var (column, op, literal) in clauses)
        {
            if (!Compare(row[column], op, literal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Compare(JsonNode? value, string op, string literal)
    {
        int order;
        if (literal == "null")
        {
            order = value is null ? 0 : 1;
        }
        else if (value is null)
        {
            return op == "ne";
        }
        else if (literal.StartsWith('\''))
        {
            var text = literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
            order = string.Compare(value.GetValue<string>(), text, StringComparison.OrdinalIgnoreCase);
        }
        else if (DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) && literal.Contains('T', StringComparison.Ordinal))
        {
            order = DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).CompareTo(when);
        }
        else if (Guid.TryParse(literal, out var id))
        {
            order = Guid.Parse(value.GetValue<string>()).CompareTo(id);
        }
        else if (decimal.TryParse(literal, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            order = value.GetValue<decimal>().CompareTo(number);
        }
        else
        {
            throw DataverseFault.BadRequest($"Unsupported literal '{literal}' in $filter.", "0x80060888");
        }

        return op switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }

    [GeneratedRegex(@"^(?:and\s+)?(?<col>[A-Za-z_][A-Za-z0-9_]*)\s+(?<op>eq|ne|gt|ge|lt|le)\s+(?<lit>'(?:[^']|'')*'|[^\s]+)")]
    private static partial Regex Clause();
}
