namespace Hub.Abstractions.Adapters;

/// <summary>
/// A record an adapter saw but could not read or translate (a field of an unexpected shape, a date that does not
/// parse, a mail nested too deep). The engine sets it aside: it journals the reason once per record version and the
/// rest of the poll goes on. <see cref="Reason"/> is written for an admin and never holds a secret.
/// </summary>
/// <param name="ExternalId">The system's id of the record, as far as it could be read.</param>
/// <param name="ExternalNumber">The number people use, when it could be read.</param>
/// <param name="Version">
/// What tells this state of the record from a later one (a modification stamp, a hash of what was read); the engine
/// journals one record version once. Null when the adapter cannot tell: the reason then stands for the version.
/// </param>
/// <param name="Reason">What could not be read, e.g. "field 'priority': expected an object, got a number".</param>
public sealed record UnreadableRecord(string ExternalId, string? ExternalNumber, string? Version, string Reason);
