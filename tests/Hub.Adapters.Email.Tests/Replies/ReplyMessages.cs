using Hub.Adapters.Email.Replies;
using MimeKit;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Email.Tests.Replies;

/// <summary>Reply messages for the tests: the .eml fixtures as a mail client sent them, and short replies built as MIME.</summary>
internal static class ReplyMessages
{
    public const string OrderMessageId = "wo.7K3QX9PM.20261123091200@hub.example";

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Monday 23 November 2026, 10:30 in Amsterdam: the morning after the work order went out.</summary>
    public static DateTimeOffset MondayMorning { get; } = new(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(1));

    public static ContractorReplyReader Reader(DateTimeOffset? now = null) =>
        new([], new FakeTimeProvider(now ?? MondayMorning), Amsterdam);

    public static MimeMessage Fixture(string name) =>
        MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "Replies", "Fixtures", name));

    /// <summary>A one-part text/plain reply in the shape a mail client sends, written out and parsed back as MIME.</summary>
    public static MimeMessage Plain(string body, Action<MimeMessage>? shape = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Piet Jansen", "piet@jansen-installatie.nl"));
        message.To.Add(new MailboxAddress("Servicedesk Gemeente", "servicedesk@hub.example"));
        message.Subject = "RE: [WO-7K3QX9PM] Werkbon HUB-2026-000042: Lekkage plafond vergaderzaal";
        message.InReplyTo = OrderMessageId;
        message.References.Add(OrderMessageId);
        message.Date = MondayMorning;
        message.Body = new TextPart("plain") { Text = body };
        shape?.Invoke(message);
        return RoundTrip(message);
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
