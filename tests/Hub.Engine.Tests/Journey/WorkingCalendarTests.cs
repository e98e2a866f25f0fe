using Hub.Engine.Journey;

namespace Hub.Engine.Tests.Journey;

/// <summary>Working time in the hub's zone: weekends and holidays skipped, working hours only, summer time not counted.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static WorkingCalendar Calendar(params string[] holidays)
    {
        Assert.True(WorkingCalendar.TryRead(Amsterdam, "08:00-17:00", holidays, out var calendar, out var problem), problem.Text);
        return calendar;
    }

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    [Fact]
    public void A_working_day_from_Friday_afternoon_ends_on_Monday_afternoon() =>
        Assert.Equal(Local(11, 23, 16), Calendar().Add(Local(11, 20, 16), Calendar().WorkingDay));

    [Fact]
    public void Hours_that_do_not_fit_the_day_go_on_the_next_working_morning() =>
        Assert.Equal(Local(11, 24, 10), Calendar().Add(Local(11, 23, 15), TimeSpan.FromHours(4)));

    [Fact]
    public void Time_before_opening_and_at_the_weekend_counts_from_the_next_opening()
    {
        Assert.Equal(Local(11, 23, 12), Calendar().Add(Local(11, 21, 10), TimeSpan.FromHours(4))); // Saturday
        Assert.Equal(Local(11, 24, 9), Calendar().Add(Local(11, 24, 6), TimeSpan.FromHours(1)));
        Assert.Equal(Local(11, 25, 9), Calendar().Add(Local(11, 24, 18), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_holiday_is_skipped_like_a_weekend_day() =>
        Assert.Equal(Local(12, 28, 16), Calendar("2026-12-25").Add(Local(12, 24, 16), Calendar().WorkingDay));

    [Fact]
    public void Summer_time_ending_over_the_weekend_moves_no_deadline_on_the_wall_clock()
    {
        var fridayFour = Local(10, 23, 16); // 14:00 UTC in summer time
        var due = Calendar().Add(fridayFour, Calendar().WorkingDay);

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 15, 0, 0, TimeSpan.Zero), due); // Monday 16:00 in winter time
        Assert.Equal(16, TimeZoneInfo.ConvertTime(due, Amsterdam).Hour);
    }

    [Fact]
    public void The_hubs_zone_decides_which_day_a_moment_falls_on()
    {
        var fridayLateInUtc = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero); // Saturday 00:30 in Amsterdam

        Assert.Equal(Local(11, 23, 9), Calendar().Add(fridayLateInUtc, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("8-17", new string[0], "Hub:Sync:WorkingHours")]
    [InlineData("17:00-08:00", new string[0], "Hub:Sync:WorkingHours")]
    [InlineData("08:00-17:00", new[] { "2026-12-25", "25-12-2026" }, "Hub:Sync:Holidays:1")]
    public void A_wrong_working_day_or_holiday_is_refused_naming_its_key(string hours, string[] holidays, string key)
    {
        Assert.False(WorkingCalendar.TryRead(Amsterdam, hours, holidays, out _, out var problem));
        Assert.Equal(key, problem.Key);

        var options = new SyncOptions { WorkingHours = hours };
        foreach (var holiday in holidays)
        {
            options.Holidays.Add(holiday);
        }

        Assert.Contains(options.Problems(), p => p.StartsWith(key, StringComparison.Ordinal));
    }
}
