using Hub.Abstractions.Mapping;
namespace Hub.Engine.Mapping.Loading;

/// <summary>Routes: unique names, declared systems at both ends, known field names, owners at an end of the route.</summary>
internal static class RouteChecks
{
    public static IEnumerable<MappingError> Check(MappingParts parts)
    {
        var duplicates = DuplicateKeys.Report(
            parts.Routes,
            r => r.Name,
            "name",
            MappingErrorKind.DuplicateRoute,
            (name, first) => $"Two routes are named '{name}' (also at {first}); the journal could not tell them apart.",
            _ => "Give each route its own name.");
        foreach (var error in duplicates)
        {
            yield return error;
        }

        foreach (var route in parts.Routes)
        {
            foreach (var error in CheckOne(parts, route))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<MappingError> CheckOne(MappingParts parts, Located<RouteMapping> route)
    {
        var (from, to) = (route.Value.From, route.Value.To);
        var ends = new[]
        {
            SystemChecks.Unknown(parts, from, route.File, route.PathOf("from"), "Route start"),
            SystemChecks.Unknown(parts, to, route.File, route.PathOf("to"), "Route target"),
        };
        foreach (var unknown in ends.OfType<MappingError>())
        {
            yield return unknown;
        }

        // With an end unknown, every owner naming the intended system would be reported too: noise, not news.
        var endsKnown = ends.All(e => e is null);

        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            yield return new MappingError(
                route.File,
                route.PathOf("to"),
                $"The route goes from '{from}' to itself.",
                "Set \"to\" to the downstream system that should receive the case.")
            {
                Kind = MappingErrorKind.RouteToItself,
            };
        }

        var fieldsPath = route.PathOf("fields");
        foreach (var (field, rule) in route.Value.Fields)
        {
            var fieldPath = JsonPaths.Property(fieldsPath, field);
            if (!RouteFieldNames.All.Contains(field, StringComparer.Ordinal))
            {
                yield return new MappingError(
                    route.File,
                    fieldPath,
                    $"'{field}' is not a field the hub knows.",
                    $"Correct the name (field names are camelCase). {Suggestions.Hint(field, RouteFieldNames.All)}")
                {
                    Kind = MappingErrorKind.UnknownRouteField,
                };
            }

            if (endsKnown
                && rule.Owner is { } owner
                && !string.Equals(owner, from, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(owner, to, StringComparison.OrdinalIgnoreCase))
            {
                yield return new MappingError(
                    route.File,
                    JsonPaths.Property(fieldPath, "owner"),
                    $"Owner '{owner}' of '{field}' is neither end of the route ({from} → {to}).",
                    $"Set \"owner\" to \"{from}\" or \"{to}\", or remove it to let the later change win.")
                {
                    Kind = MappingErrorKind.OwnerNotOnRoute,
                };
            }
        }
    }
}
