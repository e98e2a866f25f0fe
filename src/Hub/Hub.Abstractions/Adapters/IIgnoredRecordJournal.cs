namespace Hub.Abstractions.Adapters;

/// <summary>
/// Puts what an adapter set aside (<see cref="IgnoredRecord"/>) in the hub's journal. The host registers one; an
/// adapter takes it optionally and without one still logs what it set aside.
/// </summary>
public interface IIgnoredRecordJournal
{
    Task RecordAsync(IgnoredRecord record, CancellationToken cancellationToken);
}
