namespace Hub.Simulators.ServiceNow;

/// <summary>
/// The part of ServiceNow's encoded query language the simulator understands: conditions joined by <c>^</c> (AND),
/// <c>^OR</c> (OR with the condition before), <c>ORDERBY&lt;col&gt;</c> / <c>ORDERBYDESC&lt;col&gt;</c>, and the operators
/// = != &lt; &lt;= &gt; &gt;= STARTSWITH LIKE IN NOT IN ISEMPTY ISNOTEMPTY. As on a real instance, a condition on a column the
/// table does not have is dropped and the rest applies (glide.invalid_query.returns_no_rows is false by default).
/// Values compare as text, which orders <c>yyyy-MM-dd HH:mm:ss</c> times and sys_ids correctly.
/// </summary>
internal sealed class EncodedQuery
{
    private static readonly string[] Operators = ["ISNOTEMPTY", "ISEMPTY", "NOT IN", "STARTSWITH", "LIKE", "IN", "!=", ">=", "<=", "=", ">", "<"];

    private readonly List<List<Condition>> anyOf = [];
    private readonly List<(string Column, bool Descending)> order = [];

    public static EncodedQuery Parse(string? text, ISet<string> columns)
    {
        var query = new EncodedQuery();
        List<Condition>? current = null;
        foreach (var raw in (text ?? string.Empty).Split('^', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw;
            var or = false;
            if (part.StartsWith("OR", StringComparison.Ordinal) && current is { Count: > 0 } && !part.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                or = true;
                part = part[2..];
            }

            if (part.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
            {
                AddOrder(query, part["ORDERBYDESC".Length..], true, columns);
                continue;
            }

            if (part.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                AddOrder(query, part["ORDERBY".Length..], false, columns);
                continue;
            }

            if (Condition.Parse(part) is not { } condition || !columns.Contains(condition.Column))
            {
                continue; // an unknown column: ignored, as the instance does
            }

            if (or && current is not null)
            {
                current[^1] = current[^1] with { Alternatives = [.. current[^1].Alternatives, condition] };
            }
            else
            {
                current ??= [];
                current.Add(condition);
            }
        }

        if (current is not null)
        {
            query.anyOf.Add(current);
        }

        return query;
    }

    private static void AddOrder(EncodedQuery query, string column, bool descending, ISet<string> columns)
    {
        if (columns.Contains(column))
        {
            query.order.Add((column, descending));
        }
    }

    public bool Matches(IReadOnlyDictionary<string, string> row) =>
        anyOf.Count == 0 || anyOf.Any(all => all.All(c => c.Matches(row)));

    public IEnumerable<T> Sort<T>(IEnumerable<T> rows, Func<T, IReadOnlyDictionary<string, string>> values)
    {
        IOrderedEnumerable<T>? sorted = null;
        foreach (var (column, descending) in order)
        {
            string Key(T row) => values(row).GetValueOrDefault(column, string.Empty);
            sorted = sorted is null
                ? descending ? rows.OrderByDescending(Key, StringComparer.Ordinal) : rows.OrderBy(Key, StringComparer.Ordinal)
                : descending ? sorted.ThenByDescending(Key, StringComparer.Ordinal) : sorted.ThenBy(Key, StringComparer.Ordinal);
        }

        return sorted ?? rows;
    }

    private sealed record Condition(string Column, string Operator, string Value)
    {
        public IReadOnlyList<Condition> Alternatives { get; init; } = [];

        public static Condition? Parse(string part)
        {
            foreach (var op in Operators)
            {
                var at = part.IndexOf(op, StringComparison.Ordinal);
                if (at > 0 && part[..at].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                {
                    return new Condition(part[..at], op, part[(at + op.Length)..]);
                }
            }

            return null;
        }

        public bool Matches(IReadOnlyDictionary<string, string> row) => Holds(row) || Alternatives.Any(a => a.Holds(row));

        private bool Holds(IReadOnlyDictionary<string, string> row)
        {
            var value = row.GetValueOrDefault(Column, string.Empty);
            var compared = string.CompareOrdinal(value, Value);
            return Operator switch
            {
                "=" => compared == 0,
                "!=" => compared != 0,
                ">" => compared > 0,
                ">=" => compared >= 0,
                "<" => compared < 0,
                "<=" => compared <= 0,
                "STARTSWITH" => value.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
                "LIKE" => value.Contains(Value, StringComparison.OrdinalIgnoreCase),
                "IN" => Value.Split(',').Contains(value, StringComparer.Ordinal),
                "NOT IN" => !Value.Split(',').Contains(value, StringComparer.Ordinal),
                "ISEMPTY" => value.Length == 0,
                "ISNOTEMPTY" => value.Length > 0,
                _ => false,
            };
        }
    }
}
