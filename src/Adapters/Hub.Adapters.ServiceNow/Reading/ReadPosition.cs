using System.Globalization;

namespace Hub.Adapters.ServiceNow.Reading;

/// <summary>
/// Where a poll stands, as the opaque watermark the engine stores. Normally the latest sys_updated_on seen. While the
/// instance has more, also where the next page starts: "&lt;latest&gt;|&lt;since&gt;|&lt;from&gt;#&lt;last sys_id&gt;". Pages go
/// by keyset on (sys_updated_on, sys_id), never by offset: an incident that changes during the read moves behind the
/// position instead of shifting the rest of the list forward past it. <see cref="LastId"/> empty means nothing of the
/// second <see cref="From"/> was read yet.
/// </summary>
internal sealed record ReadPosition(DateTimeOffset? Latest, DateTimeOffset? Since = null, DateTimeOffset? From = null, string? LastId = null)
{
    public bool Continues => Since is not null && From is not null;

    public static ReadPosition Parse(string? watermark)
    {
        if (string.IsNullOrWhiteSpace(watermark))
        {
            return new ReadPosition(Latest: null);
        }

        var parts = watermark.Split('|');
        var latest = DateOf(parts[0]);
        if (parts.Length == 3 && DateOf(parts[1]) is { } since && parts[2].Split('#', 2) is [var from, var lastId] && DateOf(from) is { } fromDate)
        {
            return new ReadPosition(latest, since, fromDate, lastId.Length == 0 ? null : lastId);
        }

        return new ReadPosition(latest);
    }

    public override string ToString()
    {
        var latest = Latest is { } date ? ServiceNowTime.Write(date) : string.Empty;
        return Since is { } since && From is { } from ? $"{latest}|{ServiceNowTime.Write(since)}|{ServiceNowTime.Write(from)}#{LastId}" : latest;
    }

    private static DateTimeOffset? DateOf(string text) =>
        ServiceNowTime.TryRead(text, out var moment) ? moment
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var other) ? other
        : null;
}
