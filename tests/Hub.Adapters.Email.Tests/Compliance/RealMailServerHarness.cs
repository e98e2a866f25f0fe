using System.Globalization;
using Hub.Adapters.Compliance;
using Hub.Adapters.Email.Tests.RealServers;
using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>
/// The compliance suite's peer for the e-mail adapter on the real Postfix and Dovecot: work orders go through SMTP to the
/// contractor's mailbox, a person's comment is the contractor's reply delivered to the hub's mailbox through Postfix. SMTP
/// has no Retry-After: throttling is Postfix's 451 for the contractor's address, a refusal its 550 (see
/// <see cref="RecipientVerdicts"/>); a failing peer is an SMTP port where nobody listens.
/// </summary>
internal sealed class RealMailServerHarness(HubMailboxSetup setup) : IAdapterComplianceHarness
{
    /// <summary>How long a second mail that should not exist gets to arrive before the mailbox is counted.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private MailServers Servers => setup.Servers;

    public ISystemAdapter CreateAdapter() => setup.System.CreateAdapter();

    public ISystemAdapter CreateAdapterForUnreachablePeer()
    {
        var closed = FreeLoopbackPort.Find().ToString(CultureInfo.InvariantCulture);
        var system = new EmailSystem();
        foreach (var (key, value) in setup.System.Settings)
        {
            system.Set(key, value);
        }

        system.Set("Smtp:Port", closed).Set("Imap:Port", closed).Contractors.AddRange(setup.System.Contractors);
        return system.CreateAdapter();
    }

    public CreateRecordCommand SampleCreateCommand(string correlationKey) => Samples.BlockedToilet(correlationKey);

    public async Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken)
    {
        await Servers.WaitForMailAsync(setup.Contractor, "INBOX", m => ContractorsView.OrdersWith([m], correlationKey) == 1, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        return ContractorsView.OrdersWith(await Servers.MessagesInAsync(setup.Contractor, "INBOX", cancellationToken), correlationKey);
    }

    public async Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
    {
        var order = await Servers.WaitForMailAsync(setup.Contractor, "INBOX", m => ContractorsView.StatusOf([m], externalId) is not null, cancellationToken);
        await setup.DeliverToHubAsync(ContractorMail.ReplyTo(order, setup.Contractor.Address, text));
    }

    public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => ContractorsView.Cancellation(externalId);

    public async Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) =>
        ContractorsView.StatusOf(await Servers.MessagesInAsync(setup.Contractor, "INBOX", cancellationToken), externalId);

    public string UnknownExternalId { get; } = ContractorsView.UnknownWorkOrder();

    public Task MakePeerFailAsync(CancellationToken cancellationToken)
    {
        setup.System.Set("Smtp:Port", FreeLoopbackPort.Find().ToString(CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        ContractorAt(RecipientVerdicts.Deferred("plumber"));
        return Task.FromResult<TimeSpan?>(null); // a 4xx reply says "later", never when
    }

    public Task MakePeerRefuseAsync(CancellationToken cancellationToken)
    {
        ContractorAt(RecipientVerdicts.Refused("plumber"));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void ContractorAt(string address)
    {
        setup.System.Contractors.Clear();
        setup.System.Contractors.Add(Samples.Plumber(address));
    }
}
