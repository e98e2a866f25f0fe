using System.Globalization;
using Hub.Engine.Journal;

namespace Hub.Engine.Sync;

/// <summary>
/// Time from outside is evidence, not authority. A stamp another system puts on a change (a mail's Date, a skewed
/// server clock) decides "later wins" only while it is not ahead of the hub's clock by more than
/// <see cref="Tolerance"/>; a stamp further ahead is replaced by the time the hub received the change, and the
/// intake journals that clamp. A stamp in the past is taken as stated: it can only lose later-wins, never freeze a
/// field.
/// </summary>
public static class OutsideClock
{
    /// <summary>
    /// How far ahead of the hub's clock an outside stamp may be and still count as stated: two minutes. Servers on
    /// NTP agree within a second and the Date of a mail from a contractor's phone or PC is seldom more than a minute
    /// off, so honest drift is not clamped; and a skewed clock can win a race against a real later change by at most
    /// this much.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    /// <summary>The time later-wins uses for a change stated at <paramref name="stated"/> and received at <paramref name="receivedAt"/>.</summary>
    public static DateTimeOffset Clamp(DateTimeOffset stated, DateTimeOffset receivedAt) =>
        stated > receivedAt + Tolerance ? receivedAt : stated;

    /// <summary>The journal line an auditor finds a clamp by (kind <see cref="HubEvent.ClockClamped"/>, outcome <see cref="JournalOutcome.Clamped"/>).</summary>
    public static JournalLine ClampLine(string? caseId, string system, string record, DateTimeOffset stated, DateTimeOffset used, string mappingVersion) => new()
    {
        CaseId = caseId, Kind = HubEvent.ClockClamped, Outcome = JournalOutcome.Clamped,
        SourceSystem = system, SourceRecord = record, MappingVersion = mappingVersion,
        Before = stated.ToString("O", CultureInfo.InvariantCulture), After = used.ToString("O", CultureInfo.InvariantCulture),
        Detail = FormattableString.Invariant(
            $"'{system}' dated the change {stated:O}, more than {Tolerance:c} ahead of the hub's clock; later-wins uses the time the hub received it, {used:O}"),
    };
}
