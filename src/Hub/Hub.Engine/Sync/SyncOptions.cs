using Hub.Abstractions.Adapters;

namespace Hub.Engine.Sync;

/// <summary>Engine settings (<c>Hub:Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Hub:Sync";

    /// <summary>Time zone for texts people read (appointments), an IANA or Windows id this machine knows.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Commands sent at once across different cases (one case is always in order).</summary>
    public int DispatchConcurrency { get; set; } = 4;

    /// <summary>Commands taken per dispatcher round.</summary>
    public int DispatchBatchSize { get; set; } = 100;

    /// <summary>Transient failures before a command becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The working hours of a working day (Monday to Friday), in <see cref="TimeZone"/>: "08:00-17:00". A route's expected time counts only these.</summary>
    public string WorkingHours { get; set; } = "08:00-17:00";

    /// <summary>Days that are not working days although they fall on a weekday, as dates "2026-12-25" (in <see cref="TimeZone"/>).</summary>
    public IList<string> Holidays { get; init; } = [];

    /// <summary>How often the hub looks for steps that take longer than their route expects.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The working calendar of <see cref="WorkingHours"/>, <see cref="Holidays"/> and <see cref="TimeZone"/>; a wrong setting is refused with its key.</summary>
    public Journey.WorkingCalendar Calendar() =>
        Journey.WorkingCalendar.TryRead(Zone(), WorkingHours, Holidays, out var calendar, out var problem) ? calendar
            : throw new HubConfigurationException(problem.Key, problem.Text);

    /// <summary>
    /// How long a node holds the commands it took before another node may take them over (a dead node's commands wait
    /// at most this long). Longer than a round of sends takes; a send that outlasts it may be made twice, and the
    /// targets' idempotent creates and command keys absorb that.
    /// </summary>
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The zone of <see cref="TimeZone"/>; a zone this machine does not know is refused, never read as UTC.</summary>
    public TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone
            : throw new HubConfigurationException(Key(nameof(TimeZone)), UnknownZone());

    /// <summary>Every wrong setting of the section at once, each naming its key ("Hub:Sync:MaxAttempts: ...").</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add(SettingProblems.Format(Key(nameof(TimeZone)), UnknownZone()));
        }

        AtLeastOne(problems, nameof(DispatchConcurrency), DispatchConcurrency);
        AtLeastOne(problems, nameof(DispatchBatchSize), DispatchBatchSize);
        AtLeastOne(problems, nameof(MaxAttempts), MaxAttempts);
        if (RetryDelay <= TimeSpan.Zero)
        {
            problems.Add(SettingProblems.Format(Key(nameof(RetryDelay)), $"'{RetryDelay}' must be a positive time span, e.g. \"00:00:02\"."));
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
            && !Journey.WorkingCalendar.TryRead(zone, WorkingHours, Holidays, out _, out var calendarProblem))
        {
            problems.Add(SettingProblems.Format(calendarProblem.Key, calendarProblem.Text));
        }

        if (OverdueCheckInterval <= TimeSpan.Zero)
        {
            problems.Add(SettingProblems.Format(Key(nameof(OverdueCheckInterval)), $"'{OverdueCheckInterval}' must be a positive time span, e.g. \"00:01:00\"."));
        }

        if (DispatchLease <= TimeSpan.Zero)
        {
            problems.Add(SettingProblems.Format(Key(nameof(DispatchLease)), $"'{DispatchLease}' must be a positive time span, e.g. \"00:02:00\"."));
        }

        if (MaxRetryDelay < RetryDelay)
        {
            problems.Add(SettingProblems.Format(Key(nameof(MaxRetryDelay)), $"'{MaxRetryDelay}' is shorter than {Key(nameof(RetryDelay))} ('{RetryDelay}')."));
        }

        return problems;
    }

    private string UnknownZone() =>
        $"'{TimeZone}' is not a time zone this machine knows; use an IANA id such as \"Europe/Amsterdam\" (appointments are told in it).";

    private static void AtLeastOne(List<string> problems, string setting, int value)
    {
        if (value < 1)
        {
            problems.Add(SettingProblems.Format(Key(setting), $"must be 1 or more (is {value})."));
        }
    }

    private static string Key(string setting) => $"{Section}:{setting}";
}
