using System.Text.RegularExpressions;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// What kind of API request the hub made: system, method and path with record ids (GUIDs, incident numbers) and the
/// query left out, e.g. "TOPdesk GET /incidents/id/{id}/actions".
/// </summary>
internal static partial class RequestKind
{
    public static string Of(SimulatedRequest request) => "TOPdesk " + request.Method + " " + Shape(request.Path.Replace("/tas/api", string.Empty, StringComparison.Ordinal));

    public static string Of(RecordedRequest request)
    {
        var question = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? request.PathAndQuery : request.PathAndQuery[..question];
        var query = question < 0 ? string.Empty : request.PathAndQuery[(question + 1)..];
        var delta = query.Contains("deltatoken", StringComparison.OrdinalIgnoreCase) ? " (delta)" : string.Empty;
        return (request.Endpoint == "token" ? "Entra ID " : "Dynamics ") + request.Method + " " + Shape(path.Replace("/api/data/v9.2", string.Empty, StringComparison.Ordinal)) + delta;
    }

    private static string Shape(string path) =>
        AlternateKey().Replace(Number().Replace(Guid().Replace(path.TrimStart('/').Insert(0, "/"), "{id}"), "/number/{number}"), "({key})");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("/number/[^/]+")]
    private static partial Regex Number();

    /// <summary>A Dataverse alternate key in the path, e.g. incidents(hub_correlationid='HUB-2026-000011').</summary>
    [GeneratedRegex(@"\([a-z_]+='[^']*'\)")]
    private static partial Regex AlternateKey();
}
