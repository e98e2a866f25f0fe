using System.Globalization;

namespace Hub.Simulators.TopDesk;

/// <summary>The simulated tenant's data: incidents with their progress entries, look-up lists and operators.</summary>
internal sealed class TopDeskTenant(TopDeskSimulatorOptions options)
{
    private readonly List<SimulatedIncident> incidents = [];
    private int sequence;

    /// <summary>Held while reading or changing anything below.</summary>
    public Lock Gate { get; } = new();

    public TopDeskLookupSeed Lookups { get; } = new(options.SearchLists);

    /// <summary>The operator whose login name and application password the hub uses.</summary>
    public SimulatedRef HubOperator { get; } = TopDeskLookupSeed.Ref(options.HubOperatorName);

    /// <summary>A service-desk employee: the "person" who works incidents in TOPdesk's own screens.</summary>
    public SimulatedRef StaffOperator { get; } = TopDeskLookupSeed.Ref(options.StaffOperatorName);

    public string HubLoginName { get; } = options.Username;

    /// <summary>Whether the hub's operator has the incident rights (read, write, create; 1st and 2nd line call operator).</summary>
    public bool HubOperatorHasIncidentRights { get; set; } = true;

    public IReadOnlyList<SimulatedIncident> Incidents => incidents;

    public DateTimeOffset Now => options.Time.GetUtcNow();

    public SimulatedIncident NewIncident(SimulatedRef creator)
    {
        sequence++;
        var now = Now;
        var incident = new SimulatedIncident(
            Guid.NewGuid().ToString(),
            string.Create(CultureInfo.InvariantCulture, $"I {now:yyMM} {sequence:000}"),
            now,
            creator);
        incidents.Add(incident);
        return incident;
    }

    /// <summary>Forgets an incident whose creation was refused, as if it never was.</summary>
    public void Discard(SimulatedIncident incident) => incidents.Remove(incident);

    public SimulatedIncident Get(string id) =>
        incidents.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new TopDeskApiError(404, $"Incident with id {id} not found.");

    public SimulatedIncident GetByNumber(string number) =>
        incidents.FirstOrDefault(i => string.Equals(i.Number, number, StringComparison.Ordinal))
        ?? throw new TopDeskApiError(404, $"Incident with number {number} not found.");

    public SimulatedAction AddAction(SimulatedIncident incident, string html, bool invisibleForCaller, SimulatedRef by)
    {
        var now = Now;
        var action = new SimulatedAction(Guid.NewGuid().ToString(), html, TopDeskHtml.ToPlain(html), invisibleForCaller, now, by, null);
        incident.AddAction(action);
        incident.Touch(now, by);
        return action;
    }

    public TopDeskProcessingStatus ProcessingStatusNamed(string name) =>
        Lookups.Statuses.FirstOrDefault(s => string.Equals(s.Ref.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"The simulated TOPdesk has no processing status '{name}'.", nameof(name));

    public SimulatedRef CategoryNamed(string name) =>
        Lookups.Categories.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"The simulated TOPdesk has no category '{name}'.", nameof(name));

    public SimulatedRef SubcategoryNamed(string name, SimulatedRef? category) =>
        Lookups.Subcategories.FirstOrDefault(s => string.Equals(s.Subcategory.Name, name, StringComparison.OrdinalIgnoreCase)
                                                  && (category is null || s.Category.Id == category.Id)).Subcategory
        ?? throw new ArgumentException($"The simulated TOPdesk has no subcategory '{name}' there.", nameof(name));
}
