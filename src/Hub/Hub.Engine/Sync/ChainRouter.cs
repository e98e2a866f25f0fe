using Hub.Abstractions.Model;
using Hub.Abstractions.Mapping;

namespace Hub.Engine.Sync;

/// <summary>
/// Follows the routes of the mappings from one system to every system a field reaches, hop by hop, each hop
/// allowed by that route's rule for the field (down: from → to, up: to → from). A contractor's appointment
/// reaches the building manager and, through it, the service desk.
/// </summary>
public static class ChainRouter
{
    public sealed record Hop(string Target, RouteMapping Route, bool Downstream)
    {
        public FieldRule RuleFor(string field) => ChainRouter.RuleOf(Route, field);
    }

    public static FieldRule RuleOf(RouteMapping route, string field)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Fields.TryGetValue(field, out var rule) ? rule : new FieldRule(FlowDirection.None);
    }

    /// <summary>The systems the field travels to from <paramref name="source"/>; <paramref name="forceDown"/> lets it flow down every route (a cancellation at the origin).</summary>
    public static IReadOnlyList<Hop> Targets(MappingSet mappings, string source, string field, bool forceDown = false) =>
        RouteWalk.From(
            mappings,
            [source],
            down: route => forceDown || RuleOf(route, field).Direction is FlowDirection.Down or FlowDirection.Both,
            up: route => !forceDown && RuleOf(route, field).Direction is FlowDirection.Up or FlowDirection.Both);

    /// <summary>
    /// The systems words written in <paramref name="source"/> (a comment, a resolution) travel to: like <see cref="Targets"/>,
    /// but past the source's neighbours only along routes whose rule for the field says "relay". What one organisation
    /// writes reaches the next hop; whether it goes further is the route's choice.
    /// </summary>
    public static IReadOnlyList<Hop> WordsTargets(MappingSet mappings, string source, string field)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return RouteWalk.From(
            mappings,
            [source],
            down: route => RuleOf(route, field).Direction is FlowDirection.Down or FlowDirection.Both && Passes(route),
            up: route => RuleOf(route, field).Direction is FlowDirection.Up or FlowDirection.Both && Passes(route));

        bool Passes(RouteMapping route) =>
            string.Equals(route.From, source, StringComparison.OrdinalIgnoreCase)
            || string.Equals(route.To, source, StringComparison.OrdinalIgnoreCase)
            || RuleOf(route, field).Relay;
    }

    /// <summary>Whether the route takes a case with these fields (its categories and subcategories; empty lists take any).</summary>
    public static bool Takes(RouteMapping route, CaseFields fields)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(fields);
        return (route.When.Categories.Count == 0 || (fields.Category is { } category && route.When.Categories.Contains(category, StringComparer.OrdinalIgnoreCase)))
               && (route.When.Subcategories.Count == 0 || (fields.Subcategory is { } sub && route.When.Subcategories.Contains(sub, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Whether a change of the field made in <paramref name="source"/> may change the case: some adjacent route
    /// lets it flow away from the source and names no other owner. Null when the source takes part in no route.
    /// </summary>
    public static string? OwnerConflict(MappingSet mappings, string source, string field)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var adjacent = mappings.RoutesFrom(source).Select(r => (Route: r, Down: true))
            .Concat(mappings.RoutesTo(source).Select(r => (Route: r, Down: false)))
            .ToList();
        if (adjacent.Count == 0)
        {
            return null;
        }

        string? owner = null;
        foreach (var (route, down) in adjacent)
        {
            var rule = RuleOf(route, field);
            var flowsAway = down
                ? rule.Direction is FlowDirection.Down or FlowDirection.Both
                : rule.Direction is FlowDirection.Up or FlowDirection.Both;
            var ownerOk = rule.Owner is null || string.Equals(rule.Owner, source, StringComparison.OrdinalIgnoreCase);
            if (flowsAway && ownerOk)
            {
                return null;
            }

            owner ??= rule.Owner;
        }

        return owner is null
            ? $"no route lets {field} flow from '{source}'"
            : $"'{owner}' owns {field}";
    }
}
