namespace Hub.Abstractions.Mapping;

/// <summary>The mapping in force. Reloads replace <see cref="Current"/> atomically; a broken edit keeps the last good one.</summary>
public interface IMappingProvider
{
    MappingSet Current { get; }

    /// <summary>Raised after a good reload; the engine replays parked changes then.</summary>
    event EventHandler<MappingSet>? Reloaded;
}
