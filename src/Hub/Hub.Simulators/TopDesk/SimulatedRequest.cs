namespace Hub.Simulators.TopDesk;

/// <summary>One request the simulated TOPdesk received, with its decoded query and the status it answered.</summary>
public sealed record SimulatedRequest(string Method, string Path, string Query, int Status, string? Body, DateTimeOffset At)
{
    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : string.Empty)} → {Status}";
}
