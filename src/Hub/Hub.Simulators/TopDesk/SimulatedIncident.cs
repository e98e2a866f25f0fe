namespace Hub.Simulators.TopDesk;

/// <summary>An incident held by the simulated TOPdesk. Tests read it; only the simulator changes it.</summary>
public sealed class SimulatedIncident
{
    private readonly List<SimulatedAction> actions = [];
    private readonly Dictionary<string, string> rawFields = new(StringComparer.Ordinal);

    internal SimulatedIncident(string id, string number, DateTimeOffset created, SimulatedRef creator)
    {
        Id = id;
        Number = number;
        CreationDate = created;
        ModificationDate = TopDeskClock.ToSecond(created);
        Creator = creator;
        Modifier = creator;
    }

    public string Id { get; }
    public string Number { get; }

    /// <summary>The line: firstLine, secondLine or partial (an archived one reads as e.g. firstLineArchived).</summary>
    public string Line { get; internal set; } = "firstLine";
    public bool Archived { get; internal set; }
    public string BriefDescription { get; internal set; } = string.Empty;

    /// <summary>The request text as TOPdesk stores it (HTML as sent).</summary>
    public string Request { get; internal set; } = string.Empty;
    public string ExternalNumber { get; internal set; } = string.Empty;
    public string? CallerName { get; internal set; }
    public string? CallerEmail { get; internal set; }
    public string? CallerPhone { get; internal set; }
    public SimulatedRef? CallerLocation { get; internal set; }
    public SimulatedRef? Category { get; internal set; }
    public SimulatedRef? Subcategory { get; internal set; }
    public SimulatedRef? Priority { get; internal set; }
    public SimulatedRef? ProcessingStatus { get; internal set; }
    public SimulatedRef? OperatorGroup { get; internal set; }
    public bool Completed { get; internal set; }
    public DateTimeOffset? CompletedDate { get; internal set; }
    public bool Closed { get; internal set; }
    public DateTimeOffset? ClosedDate { get; internal set; }
    public DateTimeOffset? TargetDate { get; internal set; }
    public DateTimeOffset CreationDate { get; }
    public DateTimeOffset ModificationDate { get; private set; }
    public SimulatedRef Creator { get; }
    public SimulatedRef Modifier { get; private set; }

    /// <summary>A copy of the progress entries, oldest first (safe to read while the hub writes).</summary>
    public IReadOnlyList<SimulatedAction> Actions => [.. actions];

    public string LineAsRead => Archived ? Line + "Archived" : Line;

    /// <summary>Fields served as this raw JSON instead of their value (a tenant customisation, a TOPdesk bug).</summary>
    internal IReadOnlyDictionary<string, string> RawFields => rawFields;

    internal void AddAction(SimulatedAction action) => actions.Add(action);

    internal void ServeRaw(string field, string? rawJson)
    {
        if (rawJson is null)
        {
            rawFields.Remove(field);
        }
        else
        {
            rawFields[field] = rawJson;
        }
    }

    /// <summary>TOPdesk keeps modification dates to the second.</summary>
    internal void Touch(DateTimeOffset now, SimulatedRef by)
    {
        ModificationDate = TopDeskClock.ToSecond(now);
        Modifier = by;
    }
}
