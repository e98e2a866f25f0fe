namespace Hub.Simulators.Dynamics;

/// <summary>
/// One request the simulated Dataverse received: when it arrived, what it asked, how it was answered.
/// <see cref="Endpoint"/> is "dataverse" or "token".
/// </summary>
public sealed record RecordedRequest(
    string Endpoint,
    DateTimeOffset ArrivedAt,
    DateTimeOffset AnsweredAt,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int StatusCode,
    TimeSpan? RetryAfter)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : null;
}
