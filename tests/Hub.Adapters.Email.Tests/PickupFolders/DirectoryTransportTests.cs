using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Replies;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Simulators.Contractor;
using MimeKit;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Email.Tests.PickupFolders;

public sealed class DirectoryTransportTests : IDisposable
{
    private readonly MailFolders folders = new();

    public void Dispose() => folders.Dispose();

    [Fact]
    public async Task A_work_order_written_to_the_outbox_comes_back_as_accepted_scheduled_and_done_from_the_simulated_contractor()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var adapter = folders.System.CreateAdapter();
        var contractor = new SimulatedContractor(new ContractorSimulatorOptions { Outbox = folders.Outbox, Inbox = folders.Inbox }, time);
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());

        var answered = await contractor.AnswerDueAsync(Samples.Timeout());
        time.Advance(TimeSpan.FromSeconds(10));
        answered += await contractor.AnswerDueAsync(Samples.Timeout());
        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());
        var again = await adapter.ReadChangesAsync(batch.NextWatermark, Samples.Timeout());

        Assert.Equal(3, answered);
        Assert.Equal([ChangeKind.CommentAdded, ChangeKind.AppointmentSet, ChangeKind.Resolved], batch.Changes.Select(c => c.Kind));
        Assert.Equal(["accepted", "scheduled", "done"], batch.Changes.Select(c => c.RawValues[MappedField.Status]));
        Assert.All(batch.Changes, c => Assert.Equal(created.ExternalId, c.ExternalId));
        Assert.All(batch.Changes, c => Assert.Equal("planning@devries.example", c.Actor));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), batch.Changes[1].Fields.Appointment?.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), batch.Changes[1].Fields.Appointment?.End);
        Assert.Empty(again.Changes);
        Assert.Empty(MailFolders.Read(folders.Inbox));
        Assert.Equal(3, MailFolders.Read(folders.Processed).Count);
    }

    [Fact]
    public async Task The_simulated_contractor_waits_for_each_delay_and_answers_from_the_address_the_order_went_to_in_its_thread()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var adapter = folders.System.CreateAdapter();
        var contractor = new SimulatedContractor(new ContractorSimulatorOptions
        {
            Outbox = folders.Outbox,
            Inbox = folders.Inbox,
            AcceptAfter = TimeSpan.FromMinutes(1),
            ScheduleAfter = TimeSpan.FromMinutes(5),
            DoneAfter = TimeSpan.FromMinutes(30),
        }, time);
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var order = folders.WorkOrder(created.ExternalId);

        var atOnce = await contractor.AnswerDueAsync(Samples.Timeout());
        time.Advance(TimeSpan.FromMinutes(1));
        var afterOneMinute = await contractor.AnswerDueAsync(Samples.Timeout());
        time.Advance(TimeSpan.FromMinutes(4));
        var afterFiveMinutes = await contractor.AnswerDueAsync(Samples.Timeout());

        Assert.Equal((0, 1, 1), (atOnce, afterOneMinute, afterFiveMinutes));
        var replies = MailFolders.Read(folders.Inbox).OrderBy(m => m.Date).ToList();
        Assert.All(replies, r => Assert.Equal(order.MessageId, r.InReplyTo));
        Assert.All(replies, r => Assert.Contains(order.MessageId!, r.References));
        Assert.All(replies, r => Assert.Equal("planning@devries.example", r.From.Mailboxes.Single().Address));
        Assert.StartsWith("gepland ma 23-11 08:00-11:00", replies[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_malformed_unknown_and_untrusted_mail_is_quarantined_with_its_reason_and_changes_nothing()
    {
        folders.System.Set("MaxMessageBytes", "2048");
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var order = folders.WorkOrder(created.ExternalId);
        var oversized = ContractorMail.ReplyTo(order, "planning@devries.example", "gereed " + new string('x', 4000));
        var unknown = ContractorMail.ReplyTo(order, "planning@devries.example", "gereed", threaded: false);
        unknown.Subject = "Re: Werkorder [WO-ZZZZZZZZ]";
        var untrusted = ContractorMail.ReplyTo(order, "planning@devries.example.evil.test", "gereed");
        await folders.DropInInboxAsync(oversized, "1.eml");
        await File.WriteAllTextAsync(Path.Combine(folders.Inbox, "2.eml"), "this is not a mail at all");
        await folders.DropInInboxAsync(unknown, "3.eml");
        await folders.DropInInboxAsync(untrusted, "4.eml");

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        Assert.Empty(batch.Changes);
        Assert.Equal(4, Directory.GetFiles(folders.Quarantine).Length);
        Assert.Empty(Directory.GetFiles(folders.Inbox));
        Assert.Equal(
            [IgnoredMailReason.Oversized, IgnoredMailReason.Malformed, IgnoredMailReason.UnknownWorkOrder, IgnoredMailReason.UntrustedSender],
            folders.System.Journal.Recorded.OrderBy(m => m.At).Select(m => m.Reason));
        Assert.All(folders.System.Journal.Recorded, m => Assert.True(m.Quarantined));
    }

    [Fact]
    public async Task A_contractors_appointment_is_read_in_the_hubs_time_zone_not_in_a_fixed_one()
    {
        folders.System.ReplyReader = (mappings, time) => new MappedContractorReplyReader(mappings, time);
        folders.System.TextZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var reply = ContractorMail.ReplyTo(folders.WorkOrder(created.ExternalId), "planning@devries.example", "gepland di 24-11-2026 08:00-11:00");
        await folders.DropInInboxAsync(reply, "1.eml");

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());

        var window = Assert.Single(batch.Changes).Fields.Appointment;
        Assert.NotNull(window);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), window.End);
    }

    [Fact]
    public async Task A_listed_sender_domain_may_answer_for_the_contractor_and_an_auto_reply_changes_nothing()
    {
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey()), Samples.Timeout());
        var order = folders.WorkOrder(created.ExternalId);
        var colleague = ContractorMail.ReplyTo(order, "kees@devries.example", "akkoord");
        var outOfOffice = ContractorMail.ReplyTo(order, "planning@devries.example", "Ik ben afwezig tot maandag.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await folders.DropInInboxAsync(colleague, "1.eml");
        await folders.DropInInboxAsync(outOfOffice, "2.eml");

        var batch = await adapter.ReadChangesAsync(null, Samples.Timeout());
        await adapter.ReadChangesAsync(batch.NextWatermark, Samples.Timeout());

        var change = Assert.Single(batch.Changes);
        Assert.Equal("kees@devries.example", change.Actor);
        var ignored = Assert.Single(folders.System.Journal.Recorded);
        Assert.Equal(IgnoredMailReason.AutoReply, ignored.Reason);
        Assert.False(ignored.Quarantined);
        Assert.Equal(2, MailFolders.Read(folders.Processed).Count);
        Assert.Empty(Directory.GetFiles(folders.Quarantine));
    }

    [Fact]
    public async Task When_sending_fails_the_order_is_not_found_and_the_retry_sends_it_with_the_same_Message_ID()
    {
        var adapter = folders.System.CreateAdapter();
        var key = Samples.NewKey();
        Directory.Delete(folders.Outbox);

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(Samples.BlockedToilet(key), Samples.Timeout()));
        var foundWhileUnsent = await adapter.FindByCorrelationKeyAsync(key, Samples.Timeout());
        Directory.CreateDirectory(folders.Outbox);
        var restarted = folders.System.CreateAdapter();
        var created = await restarted.CreateAsync(Samples.BlockedToilet(key), Samples.Timeout());
        var foundAfter = await restarted.FindByCorrelationKeyAsync(key, Samples.Timeout());

        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Null(foundWhileUnsent);
        var sent = Assert.Single(MailFolders.Read(folders.Outbox));
        Assert.Equal(created.Version, sent.MessageId);
        Assert.Equal(created.ExternalId, foundAfter?.ExternalId);
        Assert.Equal(key, sent.Headers["X-Hub-Correlation"]);
    }

    [Fact]
    public async Task A_title_with_line_breaks_cannot_add_headers_to_the_work_order()
    {
        var adapter = folders.System.CreateAdapter();
        var created = await adapter.CreateAsync(Samples.BlockedToilet(Samples.NewKey(), "Lek\r\nBcc: attacker@evil.test"), Samples.Timeout());

        var order = folders.WorkOrder(created.ExternalId);

        Assert.Empty(order.Bcc);
        Assert.Null(order.Headers["Bcc"]);
        Assert.Contains("Lek Bcc: attacker@evil.test", order.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_case_gets_one_work_order_per_contractor()
    {
        var adapter = folders.System.CreateAdapter();
        var key = Samples.NewKey();
        var toPlumber = Samples.BlockedToilet(key);
        var toGlazier = toPlumber with { Parameters = new Dictionary<string, string> { ["contractorEmail"] = "orders@glas.example" } };

        var first = await adapter.CreateAsync(toPlumber, Samples.Timeout());
        var second = await adapter.CreateAsync(toGlazier, Samples.Timeout());
        var again = await adapter.CreateAsync(toPlumber, Samples.Timeout());

        Assert.NotEqual(first.ExternalId, second.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.Equal(["orders@glas.example", "planning@devries.example"],
            MailFolders.Read(folders.Outbox).Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_work_order_to_an_address_the_route_names_is_written_in_the_routes_language()
    {
        var adapter = folders.System.CreateAdapter();
        var command = Samples.BlockedToilet(Samples.NewKey()) with
        {
            Parameters = new Dictionary<string, string> { ["contractorEmail"] = "orders@glas.example", ["language"] = "en" },
        };

        await adapter.CreateAsync(command, Samples.Timeout());

        var order = Assert.Single(MailFolders.Read(folders.Outbox));
        Assert.StartsWith("Work order [WO-", order.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contractor_missing_from_the_directory_is_a_permanent_failure_that_names_it()
    {
        var adapter = folders.System.CreateAdapter();
        var command = Samples.BlockedToilet(Samples.NewKey()) with { Parameters = new Dictionary<string, string> { ["contractor"] = "electrician" } };

        var failure = await Assert.ThrowsAsync<AdapterException>(() => adapter.CreateAsync(command, Samples.Timeout()));

        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Contains("'electrician'", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folders.Outbox));
    }
}
