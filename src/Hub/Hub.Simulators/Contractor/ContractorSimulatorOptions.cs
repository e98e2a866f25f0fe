namespace Hub.Simulators.Contractor;

/// <summary>
/// Where the simulated contractor finds work orders (the hub's outbox folder) and leaves its answers (the hub's
/// inbox folder), and how long it takes for each answer, counted from when it first saw the order.
/// </summary>
public sealed class ContractorSimulatorOptions
{
    public required string Outbox { get; init; }
    public required string Inbox { get; init; }
    public TimeSpan AcceptAfter { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan ScheduleAfter { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan DoneAfter { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The language the contractor answers in: "nl" (default) or "en".</summary>
    public string Language { get; init; } = "nl";

    /// <summary>The name signed under each answer.</summary>
    public string SignatureName { get; init; } = "Jan de Vries, Loodgietersbedrijf De Vries";
}
