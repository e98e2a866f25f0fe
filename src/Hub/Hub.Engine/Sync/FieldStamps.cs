using System.Text.Json;

namespace Hub.Engine.Sync;

/// <summary>
/// Per field: which system set the value in force and when (by that system's clock, but never further ahead of the
/// hub's than <see cref="OutsideClock.Tolerance"/>: the intake clamps such stamps), for later-wins conflicts.
/// </summary>
public sealed class FieldStamps
{
    private readonly Dictionary<string, Stamp> stamps;

    private FieldStamps(Dictionary<string, Stamp> stamps) => this.stamps = stamps;

    public sealed record Stamp(string System, DateTimeOffset At);

    public static FieldStamps Parse(string? json) =>
        new(string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, Stamp>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, Stamp>>(json, SyncJson.Options) ?? new Dictionary<string, Stamp>(StringComparer.Ordinal));

    public Stamp? Of(string field) => stamps.TryGetValue(field, out var stamp) ? stamp : null;

    public void Set(string field, string system, DateTimeOffset at) => stamps[field] = new Stamp(system, at);

    public string ToJson() => JsonSerializer.Serialize(stamps, SyncJson.Options);
}
