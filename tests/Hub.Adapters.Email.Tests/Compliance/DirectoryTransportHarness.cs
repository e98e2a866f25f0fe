using Hub.Adapters.Compliance;
using Hub.Adapters.Email.Tests.PickupFolders;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>
/// The compliance suite's peer for the e-mail adapter: the directory transport's real folders. A person's
/// comment is a contractor's reply dropped in the inbox; a failing peer is an outbox share that is gone.
/// </summary>
internal sealed class DirectoryTransportHarness : IAdapterComplianceHarness
{
    private readonly MailFolders folders = new();

    public ISystemAdapter CreateAdapter() => folders.System.CreateAdapter();

    public ISystemAdapter CreateAdapterForUnreachablePeer()
    {
        var missing = Path.Combine(folders.Root, "not-mounted");
        var system = new EmailSystem()
            .Set("From", "hub@facility.example")
            .Set("Transport", "Directory")
            .Set("Directory:Outbox", Path.Combine(missing, "outbox"))
            .Set("Directory:Inbox", Path.Combine(missing, "inbox"))
            .Set("Directory:Processed", Path.Combine(missing, "processed"))
            .Set("Directory:Quarantine", Path.Combine(missing, "quarantine"));
        return system.CreateAdapter();
    }

    public CreateRecordCommand SampleCreateCommand(string correlationKey) => Samples.BlockedToilet(correlationKey);

    public Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        Task.FromResult(MailFolders.Read(folders.Outbox).Count(m => m.Headers["X-Hub-Correlation"] == correlationKey && m.Headers["X-Hub-Mail-Kind"] == "work-order"));

    public Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken) =>
        folders.DropInInboxAsync(ContractorMail.ReplyTo(folders.WorkOrder(externalId), "planning@devries.example", text));

    public Task MakePeerFailAsync(CancellationToken cancellationToken)
    {
        Directory.Delete(folders.Outbox, recursive: true);
        File.WriteAllText(folders.Outbox, "the share is gone");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (File.Exists(folders.Outbox))
        {
            File.Delete(folders.Outbox);
        }

        folders.Dispose();
        return ValueTask.CompletedTask;
    }
}
