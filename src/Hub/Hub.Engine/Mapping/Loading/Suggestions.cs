namespace Hub.Engine.Mapping.Loading;

/// <summary>Finds the known word closest to a mistyped one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>"Did you mean 'x'? " or nothing, followed by the list of what is allowed.</summary>
    public static string Hint(string typed, IReadOnlyCollection<string> known)
    {
        var closest = Closest(typed, known);
        var list = known.Count == 0 ? "(none declared)" : string.Join(", ", known);
        return closest is null ? $"Use one of: {list}." : $"Did you mean '{closest}'? Allowed: {list}.";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
