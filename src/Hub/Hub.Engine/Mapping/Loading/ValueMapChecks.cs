using Hub.Abstractions.Mapping;
namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Value maps: they name declared systems, canonical statuses and priorities the hub knows, and translate each
/// way unambiguously (one inbound entry per system value, one outbound entry per canonical value).
/// </summary>
internal static class ValueMapChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts)
    {
        foreach (var map in parts.ValueMaps)
        {
            if (SystemChecks.Unknown(parts, map.Value.System, map.File, map.PathOf("system"), "System") is { } unknown)
            {
                yield return unknown;
            }

            if (map.Value.Unmapped == UnmappedValues.PassThrough && CanonicalValues.NamesFor(map.Value.Field) is not null)
            {
                yield return new MappingError(
                    map.File,
                    map.PathOf("unmapped"),
                    $"A {map.Value.Field} map cannot pass unknown values through: the hub's {map.Value.Field} is a fixed list.",
                    "Remove \"unmapped\" (unknown values then wait until the mapping knows them) and add an entry for each value.")
                {
                    Kind = MappingErrorKind.PassThroughNotAllowed,
                };
            }
        }

        foreach (var error in UnknownCanonicalValues(parts))
        {
            yield return error;
        }

        foreach (var group in parts.ValueEntries.GroupBy(e => (System: e.Map.System.ToUpperInvariant(), Field: e.Map.Field)))
        {
            foreach (var error in Ambiguities([.. group]))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<MappingError> UnknownCanonicalValues(MappingParts parts) =>
        from e in parts.ValueEntries
        where !CanonicalValues.IsKnown(e.Map.Field, e.Entry.Value.CanonicalValue)
        let names = CanonicalValues.NamesFor(e.Map.Field)!
        select new MappingError(
            e.Entry.File,
            e.Entry.PathOf("canonical"),
            $"'{e.Entry.Value.CanonicalValue}' is not a canonical {e.Map.Field} of the hub.",
            Suggestions.Hint(e.Entry.Value.CanonicalValue, names))
        {
            Kind = MappingErrorKind.UnknownCanonicalValue,
        };

    private static IEnumerable<MappingError> Ambiguities(List<(ValueMap Map, Located<ValueMapEntry> Entry)> entries)
    {
        var (system, field) = (entries[0].Map.System, entries[0].Map.Field);
        var inbound = entries.Where(e => e.Entry.Value.Direction != MapDirection.Outbound).Select(e => e.Entry);
        var outbound = entries.Where(e => e.Entry.Value.Direction != MapDirection.Inbound).Select(e => e.Entry);
        return DuplicateKeys.Report(
                inbound,
                v => v.SystemValue,
                "value",
                MappingErrorKind.DuplicateInboundValue,
                (value, first) => $"{system} {field} '{value}' is translated to the hub by two entries (also at {first}); the hub could not tell which canonical value is meant.",
                _ => "Keep one entry for this value; mark the other \"direction\": \"outbound\" if it only says what to write to the system.")
            .Concat(DuplicateKeys.Report(
                outbound,
                v => v.CanonicalValue,
                "canonical",
                MappingErrorKind.DuplicateOutboundValue,
                (value, first) => $"Canonical {field} '{value}' is written to {system} by two entries (also at {first}); the hub could not tell which value to write.",
                _ => "Keep one entry for this canonical value; mark the other \"direction\": \"inbound\" if it only says how to read the system's value."));
    }
}
