using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Adapters.Email.Replies;
using Hub.Abstractions.Model;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>
/// A small reply reader for this test project only (the hub's real reader lives in Replies/): it reads the
/// first lines above the quote and signature, knows "akkoord"/"accepted", "gereed"/"done",
/// "gepland [di] 24-11[-2026] 08:00-11:00", and RFC 3834 automatic replies.
/// </summary>
internal sealed partial class MinimalReplyReader : IContractorReplyReader
{
    public ContractorReply Read(MimeMessage message, string language, TimeZoneInfo zone)
    {
        var auto = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrEmpty(auto) && !auto.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractorReply(ContractorReplyKind.AutoReply, string.Empty, null);
        }

        var text = OwnWords(message.TextBody ?? string.Empty);
        var lower = text.ToLowerInvariant();
        if (Window().Match(lower) is { Success: true } window && (lower.StartsWith("gepland", StringComparison.Ordinal) || lower.StartsWith("scheduled", StringComparison.Ordinal)))
        {
            return new ContractorReply(ContractorReplyKind.Scheduled, text, AppointmentOf(window, message.Date));
        }

        if (lower.StartsWith("akkoord", StringComparison.Ordinal) || lower.StartsWith("accepted", StringComparison.Ordinal))
        {
            return new ContractorReply(ContractorReplyKind.Accepted, text, null);
        }

        return lower.StartsWith("gereed", StringComparison.Ordinal) || lower.StartsWith("done", StringComparison.Ordinal)
            ? new ContractorReply(ContractorReplyKind.Done, text, null)
            : new ContractorReply(ContractorReplyKind.Comment, text, null);
    }

    private static string OwnWords(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n')
            .TakeWhile(line => !line.StartsWith('>') && !line.StartsWith("Met vriendelijke groet", StringComparison.Ordinal)
                               && !line.StartsWith("-- ", StringComparison.Ordinal) && !QuoteHeader().IsMatch(line));
        return string.Join("\n", lines).Trim();
    }

    private static AppointmentWindow AppointmentOf(Match m, DateTimeOffset sent)
    {
        int Part(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        var year = m.Groups[3].Success ? Part(3) : sent.Year;
        var day = new DateTime(year, Part(2), Part(1), 0, 0, 0, DateTimeKind.Unspecified);
        if (!m.Groups[3].Success && day < sent.Date)
        {
            day = day.AddYears(1);
        }

        return new AppointmentWindow(
            new DateTimeOffset(day.AddHours(Part(4)).AddMinutes(Part(5)), sent.Offset),
            new DateTimeOffset(day.AddHours(Part(6)).AddMinutes(Part(7)), sent.Offset));
    }

    [GeneratedRegex(@"(\d{1,2})-(\d{1,2})(?:-(\d{4}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", RegexOptions.None, 1000)]
    private static partial Regex Window();

    [GeneratedRegex(@"^(Op .* schreef|On .* wrote).*:$", RegexOptions.None, 1000)]
    private static partial Regex QuoteHeader();
}
