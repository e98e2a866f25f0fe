using System.Diagnostics.Metrics;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Email.Ignored;

/// <summary>Reports a set-aside mail three ways: a warning log line, a metric, and the journal when the host registered one.</summary>
internal sealed class IgnoredMailReporter(IIgnoredRecordJournal? journal, ILogger logger)
{
    private static readonly Meter Meter = new("Hub.Adapters.Email");
    private static readonly Counter<long> IgnoredCount = Meter.CreateCounter<long>("hub.email.ignored_mail", description: "Mails that changed no case, by reason");

    public async Task ReportAsync(IgnoredMail mail, CancellationToken cancellationToken)
    {
        IgnoredCount.Add(1,
            new KeyValuePair<string, object?>("system", mail.SystemName),
            new KeyValuePair<string, object?>("reason", mail.Reason.ToString()));
        logger.LogWarning(
            "Mail {MessageId} from {From} on {System} changed no case: {Reason} ({Detail}); moved to {Folder}",
            mail.MessageId, mail.From, mail.SystemName, mail.Reason, mail.Detail, mail.Quarantined ? "quarantine" : "processed");
        if (journal is not null)
        {
            await journal.RecordAsync(mail.ForJournal(), cancellationToken);
        }
    }
}
