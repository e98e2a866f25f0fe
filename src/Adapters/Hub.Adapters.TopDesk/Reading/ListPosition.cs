namespace Hub.Adapters.TopDesk.Reading;

/// <summary>
/// Where a read stands in <c>modificationDate=ge=From</c> sorted by modification date, then id: the first
/// <see cref="Read"/> incidents of that selection were taken, the last of them <see cref="LastId"/>. Each next page
/// starts again at <see cref="From"/>, the second of the last incident read, so an incident that changes during the
/// read moves behind the position instead of shifting the rest forward past it (what offset paging over the whole
/// backlog does). Within one second TOPdesk can only be paged by offset; the page therefore starts one early, at
/// <see cref="LastId"/>: when another incident is found there, incidents before it moved away, and that second is read
/// again from its start (the inbox drops the repeats). An incident that newly changes in a second already read is
/// caught by the next poll's overlap.
/// <para>In a second TOPdesk's clock has settled past (<see cref="SettledIncidents.ReadAfterSettling"/>) incidents can
/// only move away, none can arrive: there the read first looks back (<see cref="LookBack"/>) for <see cref="LastId"/>
/// up to a page before where it was, and goes on after it; it starts the second over only when that incident moved away
/// too, or more than a page did. A hub writing back to the incidents it has just read (a backlog carried down the
/// chain) would otherwise make its own read start the second over after nearly every page.</para>
/// </summary>
internal sealed record ListPosition(DateTimeOffset From, int Read, string? LastId)
{
    /// <summary>Keyset order: ties within a second in a fixed order, the same on every page.</summary>
    public const string KeysetSort = "modificationDate:asc,id:asc";

    /// <summary>The order offsets were counted in before keyset paging (ties in whatever order TOPdesk keeps them).</summary>
    private const string OffsetSort = "modificationDate:asc";

    /// <summary>TOPdesk's page size limit.</summary>
    private const int MaxPageSize = 10000;

    /// <summary>
    /// The order to ask for. A position from a watermark written before keyset paging is an offset in the old order;
    /// its one page is read in that order, after which the read goes on by keyset (incidents of the second it
    /// stopped in may then be read twice, which the inbox drops).
    /// </summary>
    public string Sort => LastId is null && Read > 0 ? OffsetSort : KeysetSort;

    public static ListPosition StartAt(DateTimeOffset from) => new(ToSecond(from), 0, null);

    /// <summary>The offset to ask for: the last incident read again, when known.</summary>
    public int PageStart => LastId is null ? Read : Read - 1;

    /// <summary>The page size to ask for, so that a page brings <paramref name="pageSize"/> incidents not read yet.</summary>
    public int PageSizeFor(int pageSize) => LastId is null ? pageSize : Math.Min(pageSize + 1, MaxPageSize);

    /// <summary>False when the page does not start with the last incident read: some before it moved away.</summary>
    public bool Continues(IReadOnlyList<ListedIncident> page) =>
        LastId is null || (page.Count > 0 && string.Equals(page[0].Id, LastId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The same second read again from its start.</summary>
    public ListPosition Restarted() => new(From, 0, null);

    /// <summary>
    /// Where to look for <see cref="LastId"/> when a page did not start with it and only moves away were possible: from up
    /// to <paramref name="pageSize"/> incidents before where it was, as many as reach a full page past it. Null without a
    /// last incident, or when it was the second's first (nothing before it could have moved).
    /// </summary>
    public (int PageStart, int PageSize)? LookBack(int pageSize)
    {
        if (LastId is null || PageStart == 0)
        {
            return null;
        }

        var start = Math.Max(0, PageStart - pageSize);
        return (start, Math.Min(PageStart - start + PageSizeFor(pageSize), MaxPageSize));
    }

    /// <summary>
    /// The position found by a look-back whose page, asked from <paramref name="lookedFrom"/>, holds <see cref="LastId"/>
    /// at <paramref name="index"/>: the same incident, at the offset it has now.
    /// </summary>
    public ListPosition FoundAt(int lookedFrom, int index) => this with { Read = lookedFrom + index + 1 };

    /// <summary>The incidents of a page not read before (all but the one it starts again with).</summary>
    public List<T> Unread<T>(IReadOnlyList<T> page) => [.. page.Skip(LastId is null ? 0 : 1)];

    /// <summary>The position after a page: at the second of its last incident, past the incidents of that second on it.</summary>
    public ListPosition After(IReadOnlyList<ListedIncident> page)
    {
        if (page.Count == 0)
        {
            return this;
        }

        var last = page[^1];
        if (last.ModificationDate is not { } modified || ToSecond(modified) == From)
        {
            return new ListPosition(From, PageStart + page.Count, last.Id);
        }

        var second = ToSecond(modified);
        var inThatSecond = page.Reverse().TakeWhile(i => i.ModificationDate is { } date && ToSecond(date) == second).Count();
        return new ListPosition(second, inThatSecond, last.Id);
    }

    public override string ToString() => LastId is null ? $"{From:O} from {Read}" : $"{From:O} after {LastId}";

    private static DateTimeOffset ToSecond(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

/// <summary>What paging needs of one listed incident, read even from one the hub cannot read whole.</summary>
internal sealed record ListedIncident(string Id, DateTimeOffset? ModificationDate);
