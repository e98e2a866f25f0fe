namespace Hub.Engine.Audit;

/// <summary>One page of journal entries, in sequence order; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record JournalPage(int Page, int PageSize, bool HasMore, IReadOnlyList<JournalRecord> Items);
