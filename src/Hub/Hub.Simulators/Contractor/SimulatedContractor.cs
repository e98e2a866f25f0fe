using MimeKit;

namespace Hub.Simulators.Contractor;

/// <summary>
/// A contractor that answers work orders by itself, for the directory transport (used by the sandbox, <c>hub-sandbox</c>):
/// it watches the hub's outbox folder and, for each new work order, writes into the hub's inbox folder
/// "akkoord", then an appointment on the next working day, then "gereed", each after its delay (in English when its
/// <see cref="ContractorSimulatorOptions.Language"/> says so).
/// Follow-ups and cancellations (mails that answer an earlier one) are read and left unanswered.
/// </summary>
public sealed class SimulatedContractor(ContractorSimulatorOptions options, TimeProvider time)
{
    private readonly Dictionary<string, ReceivedWorkOrder> orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> looked = new(StringComparer.Ordinal);
    private int repliesWritten;

    /// <summary>Keeps answering until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await AnswerDueAsync(cancellationToken);
            try
            {
                await Task.Delay(options.PollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Looks at the outbox once and writes every answer that is due now; returns how many it wrote.</summary>
    public async Task<int> AnswerDueAsync(CancellationToken cancellationToken)
    {
        await PickUpNewOrdersAsync(cancellationToken);
        var now = time.GetUtcNow();
        var written = 0;
        foreach (var received in orders.Values)
        {
            while (received.AnswersSent < 3 && now >= received.SeenAt + DelayOf(received.AnswersSent))
            {
                var due = received.SeenAt + DelayOf(received.AnswersSent);
                var answer = ContractorAnswer.Of(received.AnswersSent, options.Language, due, time.LocalTimeZone);
                await WriteAsync(ContractorReplyMail.Build(received.Order, answer, options.SignatureName, due, options.Language), cancellationToken);
                received.AnswersSent++;
                written++;
            }
        }

        return written;
    }

    private TimeSpan DelayOf(int answer) => answer switch
    {
        0 => options.AcceptAfter,
        1 => options.ScheduleAfter,
        _ => options.DoneAfter,
    };

    private async Task PickUpNewOrdersAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Outbox))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(options.Outbox, "*.eml").Order(StringComparer.Ordinal))
        {
            if (!looked.Add(file))
            {
                continue;
            }

            var mail = await MimeMessage.LoadAsync(file, cancellationToken);
            if (string.IsNullOrEmpty(mail.InReplyTo) && !string.IsNullOrEmpty(mail.MessageId) && mail.To.Mailboxes.Any())
            {
                orders.TryAdd(mail.MessageId, new ReceivedWorkOrder(mail, time.GetUtcNow()));
            }
        }
    }

    private async Task WriteAsync(MimeMessage reply, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Inbox);
        var name = $"reply-{time.GetUtcNow():yyyyMMddHHmmssfff}-{++repliesWritten:D6}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(options.Inbox, name + ".tmp");
        await reply.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(options.Inbox, name + ".eml"));
    }
}
