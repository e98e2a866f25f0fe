using Hub.Abstractions.Mapping;

namespace Hub.Engine.Sync;

/// <summary>
/// The one breadth-first walk over the routes of the mappings: from the systems it starts at, hop by hop, down a route
/// (from → to) or up one (to → from) where the caller's rule lets it; each system is reached once, by the first hop
/// that may take it. The chain (<see cref="ChainFanOut.EnsureChainAsync"/>) walks down from the systems that hold a
/// record; a field (<see cref="ChainRouter.Targets"/>) walks from its source as the routes' field rules allow.
/// </summary>
internal static class RouteWalk
{
    /// <param name="down">Whether the walk may go down this route to its target (asked only for a system not reached yet).</param>
    /// <param name="up">Whether the walk may go up this route to its source; null: never up.</param>
    public static IReadOnlyList<ChainRouter.Hop> From(
        MappingSet map, IEnumerable<string> start, Func<RouteMapping, bool> down, Func<RouteMapping, bool>? up = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var reached = new HashSet<string>(start, StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(reached);
        var hops = new List<ChainRouter.Hop>();
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var route in map.RoutesFrom(at))
            {
                Take(route.To, route, downstream: true, down);
            }

            if (up is null)
            {
                continue;
            }

            foreach (var route in map.RoutesTo(at))
            {
                Take(route.From, route, downstream: false, up);
            }
        }

        return hops;

        void Take(string next, RouteMapping route, bool downstream, Func<RouteMapping, bool> allowed)
        {
            if (!reached.Contains(next) && allowed(route))
            {
                reached.Add(next);
                hops.Add(new ChainRouter.Hop(next, route, downstream));
                queue.Enqueue(next);
            }
        }
    }
}
