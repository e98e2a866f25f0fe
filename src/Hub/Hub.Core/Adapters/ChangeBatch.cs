namespace Hub.Core.Adapters;

/// <summary>
/// What one read returned: the changes, oldest first, and the watermark to store once all of them are
/// handled. <see cref="HasMore"/> asks the engine to read again at once.
/// </summary>
public sealed record ChangeBatch(IReadOnlyList<ObservedChange> Changes, string? NextWatermark, bool HasMore = false)
{
    public static ChangeBatch Empty(string? watermark) => new([], watermark);
}
