using Hub.Adapters.Compliance;
using Hub.Adapters.Email.Tests.PickupFolders;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>
/// The compliance suite's peer for the e-mail adapter: the directory transport's real folders. A person's
/// comment is a contractor's reply dropped in the inbox; a failing peer is an outbox share that is gone. A folder
/// cannot throttle or refuse a mail: those cases run against the real Postfix (<see cref="RealMailServerComplianceTests"/>).
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
        Task.FromResult(ContractorsView.OrdersWith(MailFolders.Read(folders.Outbox), correlationKey));

    public Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken) =>
        folders.DropInInboxAsync(ContractorMail.ReplyTo(folders.WorkOrder(externalId), "planning@devries.example", text));

    public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => ContractorsView.Cancellation(externalId);

    public Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(ContractorsView.StatusOf(MailFolders.Read(folders.Outbox), externalId));

    public string UnknownExternalId { get; } = ContractorsView.UnknownWorkOrder();

    public Task MakePeerFailAsync(CancellationToken cancellationToken)
    {
        Directory.Delete(folders.Outbox, recursive: true);
        File.WriteAllText(folders.Outbox, "the share is gone");
        return Task.CompletedTask;
    }

    public Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken) =>
        throw new CaseDoesNotApplyException(
            "a pickup folder cannot ask the hub to slow down; the SMTP 4xx equivalent runs in RealMailServerComplianceTests");

    public Task MakePeerRefuseAsync(CancellationToken cancellationToken) =>
        throw new CaseDoesNotApplyException(
            "a pickup folder takes every mail it can store; the SMTP 5xx equivalent runs in RealMailServerComplianceTests");

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
