namespace Hub.Engine.Mapping.Loading;

/// <summary>Finds pieces that claim the same key (route name, contractor id, ...), compared without regard to case.</summary>
internal static class DuplicateKeys
{
    /// <summary>Each later piece whose key an earlier one already used, paired with that earlier one.</summary>
    public static IEnumerable<(Located<T> First, Located<T> Again, string Key)> Find<T>(
        IEnumerable<Located<T>> pieces,
        Func<T, string> key)
    {
        var firstByKey = new Dictionary<string, Located<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in pieces)
        {
            var value = key(piece.Value);
            if (firstByKey.TryGetValue(value, out var first))
            {
                yield return (first, piece, value);
            }
            else
            {
                firstByKey[value] = piece;
            }
        }
    }

    /// <summary>
    /// One error per repeated key, at <paramref name="property"/> of the later piece. <paramref name="problem"/> gets the
    /// key and where the first claim was made ("routes.json $.routes[0]").
    /// </summary>
    public static IEnumerable<MappingError> Report<T>(
        IEnumerable<Located<T>> pieces,
        Func<T, string> key,
        string? property,
        MappingErrorKind kind,
        Func<string, string, string> problem,
        Func<string, string> fix) =>
        Find(pieces, key).Select(d => new MappingError(
            d.Again.File,
            property is null ? d.Again.Path : d.Again.PathOf(property),
            problem(d.Key, $"{d.First.File} {d.First.Path}"),
            fix(d.Key))
        {
            Kind = kind,
        });
}
