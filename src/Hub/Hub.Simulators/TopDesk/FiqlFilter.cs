using System.Text;

namespace Hub.Simulators.TopDesk;

/// <summary>
/// The FIQL subset of TOPdesk's <c>query=</c> on incidents: comparisons (<c>== != =gt= =ge= =lt= =le= =sw= =in= =out=</c>)
/// joined by <c>;</c> (and) and <c>,</c> (or, binding looser). Values may be quoted with ' or " and use backslash
/// escapes. Dates are ISO 8601 with Z or an offset. Anything else is refused like TOPdesk does ("Error parsing query").
/// </summary>
internal static class FiqlFilter
{
    private static readonly string[] Operators = ["=ge=", "=gt=", "=le=", "=lt=", "=sw=", "=in=", "=out=", "==", "!="];

    public static Func<SimulatedIncident, bool> Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return _ => true;
        }

        var alternatives = SplitTopLevel(query, ',')
            .Select(alternative => SplitTopLevel(alternative, ';').Select(ParseComparison).ToList())
            .ToList();
        return incident => alternatives.Any(all => all.All(test => test(incident)));
    }

    private static Func<SimulatedIncident, bool> ParseComparison(string text)
    {
        foreach (var op in Operators)
        {
            var at = IndexOutsideQuotes(text, op);
            if (at <= 0)
            {
                continue;
            }

            var selector = text[..at].Trim();
            var raw = text[(at + op.Length)..].Trim();
            var read = SelectorOf(selector);
            return op switch
            {
                "=in=" or "=out=" => InList(read, ListOf(raw), op == "=in="),
                _ => Compare(read, selector, op, Unquote(raw)),
            };
        }

        throw Refuse($"no comparison in '{text}'");
    }

    private static Func<SimulatedIncident, bool> InList(Func<SimulatedIncident, object?> read, List<string> values, bool inside) =>
        incident => values.Any(v => string.Equals(read(incident)?.ToString(), v, StringComparison.OrdinalIgnoreCase)) == inside;

    private static Func<SimulatedIncident, bool> Compare(Func<SimulatedIncident, object?> read, string selector, string op, string value)
    {
        if (IsDate(selector))
        {
            DateTimeOffset? wanted = null;
            if (value != "null")
            {
                wanted = TopDeskClock.TryParse(value, out var date) ? date : throw Refuse($"'{value}' is not a date for {selector}");
            }

            return incident => CompareDates(read(incident) as DateTimeOffset?, op, wanted);
        }

        if (op is "=gt=" or "=ge=" or "=lt=" or "=le=")
        {
            throw Refuse($"{op} is only for dates and numbers, not {selector}");
        }

        return op switch
        {
            "==" when value == "null" => incident => read(incident) is null,
            "!=" when value == "null" => incident => read(incident) is not null,
            "==" => incident => string.Equals(Text(read(incident)), value, StringComparison.OrdinalIgnoreCase),
            "!=" => incident => !string.Equals(Text(read(incident)), value, StringComparison.OrdinalIgnoreCase),
            _ => incident => Text(read(incident))?.StartsWith(value, StringComparison.OrdinalIgnoreCase) == true,
        };
    }

    private static bool CompareDates(DateTimeOffset? actual, string op, DateTimeOffset? wanted) => op switch
    {
        "==" => actual == wanted,
        "!=" => actual != wanted,
        _ when actual is null || wanted is null => false,
        "=gt=" => actual > wanted,
        "=ge=" => actual >= wanted,
        "=lt=" => actual < wanted,
        "=le=" => actual <= wanted,
        _ => throw Refuse($"{op} does not apply to dates"),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        _ => value.ToString(),
    };

    private static bool IsDate(string selector) => selector.EndsWith("Date", StringComparison.Ordinal);

    private static Func<SimulatedIncident, object?> SelectorOf(string selector) => selector switch
    {
        "id" => i => i.Id,
        "number" => i => i.Number,
        "externalNumber" => i => i.ExternalNumber,
        "briefDescription" => i => i.BriefDescription,
        "status" => i => i.LineAsRead,
        "completed" => i => i.Completed,
        "closed" => i => i.Closed,
        "creationDate" => i => i.CreationDate,
        "modificationDate" => i => i.ModificationDate,
        "targetDate" => i => i.TargetDate,
        "completedDate" => i => i.CompletedDate,
        "closedDate" => i => i.ClosedDate,
        "processingStatus.id" => i => i.ProcessingStatus?.Id,
        "processingStatus.name" => i => i.ProcessingStatus?.Name,
        "category.name" => i => i.Category?.Name,
        "subcategory.name" => i => i.Subcategory?.Name,
        "operatorGroup.id" => i => i.OperatorGroup?.Id,
        "operatorGroup.name" => i => i.OperatorGroup?.Name,
        "priority.name" => i => i.Priority?.Name,
        _ => throw Refuse($"unknown field '{selector}'"),
    };

    private static List<string> ListOf(string raw)
    {
        if (!raw.StartsWith('(') || !raw.EndsWith(')'))
        {
            throw Refuse($"a list must be in brackets: '{raw}'");
        }

        return [.. SplitTopLevel(raw[1..^1], ',').Select(v => Unquote(v.Trim()))];
    }

    private static string Unquote(string raw)
    {
        if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[^1] == raw[0])
        {
            var builder = new StringBuilder();
            for (var i = 1; i < raw.Length - 1; i++)
            {
                builder.Append(raw[i] == '\\' && i + 1 < raw.Length - 1 ? raw[++i] : raw[i]);
            }

            return builder.ToString();
        }

        if (raw.IndexOfAny(['"', '\'', '(', ')', ';', ',', ' ']) >= 0)
        {
            throw Refuse($"the value '{raw}' must be quoted");
        }

        return raw;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (quote is not null || depth != 0)
        {
            throw Refuse("unbalanced quotes or brackets");
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int IndexOutsideQuotes(string text, string token)
    {
        char? quote = null;
        for (var i = 0; i <= text.Length - token.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static TopDeskApiError Refuse(string why) => new(400, $"Error parsing query: {why}");
}
