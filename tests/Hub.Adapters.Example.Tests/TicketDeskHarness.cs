using Hub.Adapters.Compliance;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Example.Tests;

/// <summary>The compliance suite's peer for the example adapter: the toy TicketDesk, and adapters made as the hub makes them.</summary>
internal sealed class TicketDeskHarness : IAdapterComplianceHarness
{
    private const string SystemName = "tickets";
    private readonly ToyTicketDesk desk = new();
    private readonly List<ServiceProvider> providers = [];

    public ISystemAdapter CreateAdapter() => Create(desk.Url);

    public ISystemAdapter CreateAdapterForUnreachablePeer() => Create($"http://127.0.0.1:{FreeLoopbackPort.Find()}/");

    public CreateRecordCommand SampleCreateCommand(string correlationKey) => new()
    {
        CaseId = correlationKey,
        CorrelationKey = correlationKey,
        Fields = new CaseFields { Title = "Toilet blocked on the 2nd floor", Description = "Water on the floor." },
        TargetValues = new Dictionary<string, string> { [MappedField.Status] = "new" },
    };

    public Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken) =>
        Task.FromResult(desk.TicketsWithKey(correlationKey));

    public Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken)
    {
        desk.PersonComments(externalId, text);
        return Task.CompletedTask;
    }

    public (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId) => (new ApplyChangeCommand
    {
        CaseId = "HUB-2026-000042",
        ExternalId = externalId,
        Kind = ChangeKind.StatusChanged,
        Fields = new CaseFields { Status = CaseStatus.InProgress },
        TargetValues = new Dictionary<string, string> { [MappedField.Status] = "in progress" },
    }, "in progress");

    public Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken) => Task.FromResult(desk.StatusOf(externalId));

    public string UnknownExternalId { get; } = Guid.NewGuid().ToString();

    public Task MakePeerFailAsync(CancellationToken cancellationToken)
    {
        desk.AnswerEverythingWith(503);
        return Task.CompletedTask;
    }

    public Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        desk.AnswerEverythingWith(429, retryAfter);
        return Task.FromResult<TimeSpan?>(retryAfter);
    }

    public Task MakePeerRefuseAsync(CancellationToken cancellationToken)
    {
        desk.AnswerEverythingWith(400);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        providers.ForEach(p => p.Dispose());
        desk.Dispose();
        return ValueTask.CompletedTask;
    }

    private ISystemAdapter Create(string url)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Hub:Systems:{SystemName}:Adapter"] = "TicketDesk",
            [$"Hub:Systems:{SystemName}:BaseUrl"] = url,
            [$"Hub:Systems:{SystemName}:ApiKey"] = ToyTicketDesk.HubKey,
            [$"Hub:Systems:{SystemName}:PageSize"] = "2",
        }).Build();
        var services = new ServiceCollection().AddTicketDeskAdapter(configuration).BuildServiceProvider();
        providers.Add(services);
        var context = new SystemContext(SystemName, configuration.GetSection($"Hub:Systems:{SystemName}"), services,
            NullLoggerFactory.Instance, TimeProvider.System, new StaticMappingProvider(MappingSet.Empty));
        return services.GetRequiredService<AdapterRegistry>().Get("TicketDesk", context.KeyOf("Adapter")).Create(context);
    }
}
