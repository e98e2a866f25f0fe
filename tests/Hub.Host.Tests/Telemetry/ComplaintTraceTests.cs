using System.Diagnostics;
using Hub.Abstractions.Telemetry;
using Hub.Simulators.Contractor;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Tests.Telemetry;

/// <summary>One complaint followed by its trace: TOPdesk poll, intake, the dispatches to Dynamics and to the plumber, their HTTP and SMTP.</summary>
[Collection(TelemetryGroup.Name)]
public sealed class ComplaintTraceTests(MailServers servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_complaint_from_a_TOPdesk_poll_to_a_Dynamics_case_and_a_work_order_mail_is_one_trace()
    {
        await using var hub = await TracedHub.CreateAsync(servers);
        Complaints.BlockedToilet(hub.TopDesk);
        await using (var started = await hub.StartAsync())
        {
            await started.Poll.PollAsync("servicedesk", CancellationToken.None);
            await started.DispatchAllAsync(Patience);
        }

        Assert.Single(hub.Dynamics.Cases);
        var intake = OpeningIntake(hub);
        var trace = hub.Spans.Where(s => s.TraceId == intake.TraceId).ToList();
        var poll = Assert.Single(trace, s => s.OperationName == HubSpans.Poll);
        Assert.Equal("servicedesk", poll.GetTagItem(HubAttributes.System));
        Assert.Equal(default, poll.ParentSpanId); // the poll starts the trace
        Assert.Equal(poll.SpanId, intake.ParentSpanId);
        var caseId = Assert.IsType<string>(intake.GetTagItem(HubAttributes.CaseId));

        var toFacility = Assert.Single(trace, s => s.OperationName == HubSpans.Dispatch && Equals(s.GetTagItem(HubAttributes.System), "facility"));
        var toPlumber = Assert.Single(trace, s => s.OperationName == HubSpans.Dispatch && Equals(s.GetTagItem(HubAttributes.System), "contractor"));
        Assert.All([toFacility, toPlumber], dispatch =>
        {
            Assert.Equal(caseId, dispatch.GetTagItem(HubAttributes.CaseId));
            Assert.Equal("Created", dispatch.GetTagItem(HubAttributes.CommandKind));
            Assert.Equal("sent", dispatch.GetTagItem(HubAttributes.Outcome));
        });

        Assert.Contains(trace, s => s.ParentSpanId == poll.SpanId && UrlOf(s).StartsWith(hub.TopDesk.Url, StringComparison.Ordinal)); // the poll's GET
        Assert.Contains(trace, s => s.ParentSpanId == toFacility.SpanId && Equals(s.GetTagItem("http.request.method"), "PATCH")
            && UrlOf(s).StartsWith(hub.Dynamics.ApiUrl + "incidents(", StringComparison.Ordinal)); // the case created (an upsert by its correlation key)
        var smtp = Assert.Single(trace, s => s.OperationName == HubSpans.SmtpSend);
        Assert.Equal(toPlumber.SpanId, smtp.ParentSpanId);
        Assert.Equal(caseId, smtp.GetTagItem(HubAttributes.CaseId));
        Assert.Equal("contractor", smtp.GetTagItem(HubAttributes.System));
    }

    [Fact]
    public async Task A_dispatch_after_a_restart_continues_the_trace_of_the_poll_that_queued_it()
    {
        await using var hub = await TracedHub.CreateAsync(servers);
        Complaints.BlockedToilet(hub.TopDesk);
        await using (var before = await hub.StartAsync())
        {
            await before.Poll.PollAsync("servicedesk", CancellationToken.None);
        }

        Assert.Empty(hub.Dynamics.Cases);
        await using (var after = await hub.StartAsync())
        {
            await after.DispatchAllAsync(Patience);
        }

        var intake = OpeningIntake(hub);
        var toFacility = Assert.Single(hub.Spans, s => s.OperationName == HubSpans.Dispatch && Equals(s.GetTagItem(HubAttributes.System), "facility")
            && Equals(s.GetTagItem(HubAttributes.CaseId), intake.GetTagItem(HubAttributes.CaseId)));
        Assert.Equal(intake.TraceId, toFacility.TraceId);
        Assert.Equal(intake.SpanId, toFacility.ParentSpanId);
        Assert.Single(hub.Dynamics.Cases);
    }

    [Fact]
    public async Task A_command_queued_before_the_hub_kept_trace_context_is_sent_in_a_trace_of_its_own()
    {
        await using var hub = await TracedHub.CreateAsync(servers);
        Complaints.BlockedToilet(hub.TopDesk);
        await using (var before = await hub.StartAsync())
        {
            await before.Poll.PollAsync("servicedesk", CancellationToken.None);
            await using var db = before.Database.CreateContext();
            await db.Outbox.ExecuteUpdateAsync(o => o.SetProperty(r => r.TraceParent, (string?)null)); // as an older hub left its rows
        }

        await using (var after = await hub.StartAsync())
        {
            await after.DispatchAllAsync(Patience);
        }

        Assert.Single(hub.Dynamics.Cases);
        var intake = OpeningIntake(hub);
        var toFacility = Assert.Single(hub.Spans, s => s.OperationName == HubSpans.Dispatch && Equals(s.GetTagItem(HubAttributes.System), "facility")
            && Equals(s.GetTagItem(HubAttributes.CaseId), intake.GetTagItem(HubAttributes.CaseId)));
        Assert.Equal(default, toFacility.ParentSpanId);
        Assert.NotEqual(intake.TraceId, toFacility.TraceId);
        Assert.Equal("sent", toFacility.GetTagItem(HubAttributes.Outcome));
    }

    [Fact]
    public async Task The_plumbers_reply_read_over_IMAP_is_traced_under_its_own_poll_linked_to_the_trace_the_complaint_began_in()
    {
        await using var hub = await TracedHub.CreateAsync(servers);
        Complaints.BlockedToilet(hub.TopDesk);
        await using var started = await hub.StartAsync();
        await started.Poll.PollAsync("servicedesk", CancellationToken.None);
        await started.DispatchAllAsync(Patience);
        using var waiting = new CancellationTokenSource(Patience);
        var order = await servers.WaitForMailAsync(hub.Plumber, "INBOX", m => m.Headers["X-Hub-Mail-Kind"] == "work-order", waiting.Token);

        await servers.SendAsync(ContractorReplyMail.Build(order, ContractorAnswer.Accepted, "Jan de Vries, Loodgietersbedrijf De Vries", TimeProvider.System.GetUtcNow()), waiting.Token);
        Activity? reply = null;
        while (reply is null && !waiting.IsCancellationRequested)
        {
            await started.Poll.PollAsync("contractor", CancellationToken.None);
            reply = hub.Spans.ToArray().FirstOrDefault(s => s.OperationName == HubSpans.Intake && Equals(s.GetTagItem(HubAttributes.System), "contractor")
                && Equals(s.GetTagItem(HubAttributes.IntakeResult), "Updated"));
            await Task.Delay(200);
        }

        Assert.NotNull(reply);
        var opening = OpeningIntake(hub);
        Assert.NotEqual(opening.TraceId, reply.TraceId);
        Assert.Equal(opening.GetTagItem(HubAttributes.CaseId), reply.GetTagItem(HubAttributes.CaseId));
        Assert.Contains(reply.Links, link => link.Context.TraceId == opening.TraceId);
        var poll = Assert.Single(hub.Spans.ToArray(), s => s.SpanId == reply.ParentSpanId);
        Assert.Equal(HubSpans.Poll, poll.OperationName);
        Assert.Contains(hub.Spans.ToArray(), s => s.OperationName == HubSpans.ImapOpen && s.ParentSpanId == poll.SpanId);
    }

    /// <summary>The intake span that opened the complaint's case.</summary>
    private static Activity OpeningIntake(TracedHub hub) =>
        Assert.Single(hub.Spans, s => s.OperationName == HubSpans.Intake && Equals(s.GetTagItem(HubAttributes.IntakeResult), "Opened")
            && Equals(s.GetTagItem(HubAttributes.System), "servicedesk"));

    private static string UrlOf(Activity span) => span.GetTagItem("url.full") as string ?? string.Empty;
}
