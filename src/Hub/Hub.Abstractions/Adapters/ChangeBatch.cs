namespace Hub.Abstractions.Adapters;

/// <summary>
/// What one read returned: the changes, oldest first, and the watermark to store once all of them are
/// handled. <see cref="HasMore"/> asks the engine to read again at once.
/// </summary>
public sealed record ChangeBatch(IReadOnlyList<ObservedChange> Changes, string? NextWatermark, bool HasMore = false)
{
    /// <summary>
    /// Records of this read that could not be read or translated. The engine journals each (once per record version)
    /// and still stores <see cref="NextWatermark"/>, which may lie past them.
    /// </summary>
    public IReadOnlyList<UnreadableRecord> Unreadable { get; init; } = [];

    public static ChangeBatch Empty(string? watermark) => new([], watermark);
}
