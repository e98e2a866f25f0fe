using System.Globalization;
using Hub.Adapters.Email.Replies;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>
/// Dates and time windows the way contractors write them, read in Amsterdam time with the offset of the
/// appointment's own date. The clock stands on Monday 23 November 2026 unless a test says otherwise.
/// </summary>
public sealed class AppointmentReplyTests
{
    [Theory]
    [InlineData("nl", "gepland 24-11-2026 08:00-11:00", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("nl", "Gepland di 24-11 08:00-11:00", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("en", "scheduled 2026-11-24 8:00-11:00", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("nl", "dinsdag 24 november tussen 8 en 11", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("en", "tuesday 24 november between 8 and 11", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("en", "Tuesday, November 24th from 8:00 to 11:00", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("nl", "morgen tussen 8 en 11", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("en", "We come tomorrow between 8 and 11.", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("en", "tomorrow between 1 and 4pm", "2026-11-24T13:00:00+01:00", "2026-11-24T16:00:00+01:00")]
    [InlineData("nl", "Wij komen 24.11.2026 van 8.00 tot 11.00 uur", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("nl", "Afspraak: do 3 dec. 08:00 \u2013 10:30", "2026-12-03T08:00:00+01:00", "2026-12-03T10:30:00+01:00")]
    [InlineData("nl", "gepland 2-12 13:30-16:00", "2026-12-02T13:30:00+01:00", "2026-12-02T16:00:00+01:00")]
    [InlineData("nl", "vandaag nog, gepland 23-11 14:00-16:00", "2026-11-23T14:00:00+01:00", "2026-11-23T16:00:00+01:00")]
    [InlineData("nl", "gepland 20-11 08:00-11:00", "2027-11-20T08:00:00+01:00", "2027-11-20T11:00:00+01:00")]
    [InlineData("nl", "Akkoord, wij komen DINSDAG 24 NOVEMBER tussen 8 en 11 uur.", "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00")]
    [InlineData("nl", "Wij komen woensdag tussen 13:00 en 15:00", "2026-11-25T13:00:00+01:00", "2026-11-25T15:00:00+01:00")]
    [InlineData("en", "Friday 8-12 suits us", "2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00")]
    [InlineData("nl", "maandag tussen 8 en 11", "2026-11-30T08:00:00+01:00", "2026-11-30T11:00:00+01:00")]
    public void A_date_with_a_time_window_schedules_the_appointment(string language, string body, string start, string end)
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Plain(body), language);

        AssertScheduled(reply, start, end);
        Assert.Equal(body, reply.Text);
    }

    [Fact]
    public void A_date_without_a_year_in_January_read_in_December_is_next_year()
    {
        var lateDecember = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(1));

        var reply = ReplyMessages.Reader(lateDecember).Read(ReplyMessages.Plain("gepland di 5-1 08:00-11:00"), "nl");

        AssertScheduled(reply, "2027-01-05T08:00:00+01:00", "2027-01-05T11:00:00+01:00");
    }

    [Fact]
    public void Tomorrow_counts_from_the_contractors_date_not_from_UTC()
    {
        // 23:30 UTC on Sunday 22 November is already Monday 23 November in Amsterdam.
        var sundayNightUtc = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);

        var reply = ReplyMessages.Reader(sundayNightUtc).Read(ReplyMessages.Plain("morgen tussen 8 en 11"), "nl");

        AssertScheduled(reply, "2026-11-24T08:00:00+01:00", "2026-11-24T11:00:00+01:00");
    }

    [Fact]
    public void An_appointment_after_the_autumn_clock_change_gets_winter_time_and_one_before_it_summer_time()
    {
        var octoberSummer = new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.FromHours(2));
        var reader = ReplyMessages.Reader(octoberSummer);

        var before = reader.Read(ReplyMessages.Plain("gepland 22-10 08:00-11:00"), "nl");
        var after = reader.Read(ReplyMessages.Plain("gepland 2-11 08:00-11:00"), "nl");

        AssertScheduled(before, "2026-10-22T08:00:00+02:00", "2026-10-22T11:00:00+02:00");
        AssertScheduled(after, "2026-11-02T08:00:00+01:00", "2026-11-02T11:00:00+01:00");
    }

    [Fact]
    public void An_appointment_after_the_spring_clock_change_gets_summer_time()
    {
        var marchWinter = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.FromHours(1));

        var reply = ReplyMessages.Reader(marchWinter).Read(ReplyMessages.Plain("scheduled 2027-04-06 8:00-11:00"), "en");

        AssertScheduled(reply, "2027-04-06T08:00:00+02:00", "2027-04-06T11:00:00+02:00");
    }

    [Fact]
    public void A_window_across_the_autumn_clock_change_lasts_the_real_three_hours()
    {
        var octoberSummer = new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.FromHours(2));

        var reply = ReplyMessages.Reader(octoberSummer).Read(ReplyMessages.Plain("gepland 25-10-2026 02:00-04:00"), "nl");

        AssertScheduled(reply, "2026-10-25T02:00:00+02:00", "2026-10-25T04:00:00+01:00");
        Assert.Equal(TimeSpan.FromHours(3), reply.Appointment!.End - reply.Appointment.Start);
    }

    [Theory]
    [InlineData("nl", "gepland 31-02-2027 08:00-11:00")]
    [InlineData("nl", "gepland 30-02 08:00-11:00")]
    [InlineData("nl", "gepland 24-13-2026 08:00-11:00")]
    [InlineData("nl", "gepland 24-11-2026 11:00-08:00")]
    [InlineData("nl", "gepland 24-11-2026 08:00-08:00")]
    [InlineData("nl", "gepland 24-11-2026 08:00-25:00")]
    [InlineData("nl", "gepland 24-11-2026 08:75-11:00")]
    [InlineData("nl", "woensdag 24 november tussen 8 en 11")]
    [InlineData("en", "monday 24 november between 8 and 11")]
    [InlineData("nl", "gepland 28-03-2027 02:00-03:00")]
    [InlineData("nl", "Akkoord, gepland 31-02-2027 08:00-11:00")]
    [InlineData("nl", "Klaar, volgende afspraak 32-12 08:00-11:00")]
    [InlineData("nl", "gepland \u0662\u0664-\u0661\u0661-\u0662\u0660\u0662\u0666 08:00-11:00")]
    [InlineData("nl", "gepland \uFF12\uFF14-11-2026 08:00-11:00")]
    public void An_impossible_date_or_window_is_a_comment_for_a_person_to_read(string language, string body)
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Plain(body), language);

        Assert.Equal(ContractorReplyKind.Comment, reply.Kind);
        Assert.Null(reply.Appointment);
        Assert.Equal(body, reply.Text);
    }

    [Theory]
    [InlineData("nl", "Akkoord, gepland 24-11-2026")]
    [InlineData("en", "Accepted, appointment on 24 november")]
    public void A_scheduled_date_without_a_time_window_is_a_comment_not_an_acceptance(string language, string body)
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Plain(body), language);

        Assert.Equal(ContractorReplyKind.Comment, reply.Kind);
        Assert.Null(reply.Appointment);
    }

    [Theory]
    [InlineData("nl", "Akkoord, we komen tussen 8 en 11")]
    [InlineData("nl", "Akkoord, artikel 24-11 besteld")]
    [InlineData("nl", "Akkoord, we komen zo 8-11 monteurs sturen")]
    public void A_window_or_number_without_a_date_leaves_the_acceptance_standing(string language, string body)
    {
        var reply = ReplyMessages.Reader().Read(ReplyMessages.Plain(body), language);

        Assert.Equal(ContractorReplyKind.Accepted, reply.Kind);
        Assert.Null(reply.Appointment);
    }

    private static void AssertScheduled(ContractorReply reply, string start, string end)
    {
        Assert.Equal(ContractorReplyKind.Scheduled, reply.Kind);
        Assert.NotNull(reply.Appointment);
        var expectedStart = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        var expectedEnd = DateTimeOffset.Parse(end, CultureInfo.InvariantCulture);
        Assert.Equal((expectedStart, expectedStart.Offset), (reply.Appointment.Start, reply.Appointment.Start.Offset));
        Assert.Equal((expectedEnd, expectedEnd.Offset), (reply.Appointment.End, reply.Appointment.End.Offset));
    }
}
