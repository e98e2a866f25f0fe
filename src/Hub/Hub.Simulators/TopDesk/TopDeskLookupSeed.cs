namespace Hub.Simulators.TopDesk;

/// <summary>A processing status of the tenant, with the flags <c>/incidents/statuses</c> shows.</summary>
internal sealed record TopDeskProcessingStatus(SimulatedRef Ref, bool OnHold, string ProcessingState, bool IsDefault);

/// <summary>The tenant's look-up lists, each value with an id of this tenant's own (<see cref="TopDeskSearchLists"/>).</summary>
internal sealed class TopDeskLookupSeed
{
    public TopDeskLookupSeed(TopDeskSearchLists lists)
    {
        Statuses = [.. lists.ProcessingStatuses.Select((s, i) => new TopDeskProcessingStatus(Ref(s.Name), s.OnHold, s.ProcessingState, IsDefault: i == 0))];
        foreach (var (category, subcategories) in lists.Categories)
        {
            var owner = Ref(category);
            Categories.Add(owner);
            Subcategories.AddRange(subcategories.Select(name => (Ref(name), owner)));
        }

        Priorities = [.. lists.Priorities.Select(Ref)];
        OperatorGroups = [.. lists.OperatorGroups.Select(Ref)];
    }

    public List<TopDeskProcessingStatus> Statuses { get; }

    public List<SimulatedRef> Categories { get; } = [];

    public List<(SimulatedRef Subcategory, SimulatedRef Category)> Subcategories { get; } = [];

    public List<SimulatedRef> Priorities { get; }

    public List<SimulatedRef> OperatorGroups { get; }

    /// <summary>The priority an incident gets when nobody picks one.</summary>
    public SimulatedRef DefaultPriority => Priorities[Math.Min(1, Priorities.Count - 1)];

    public static SimulatedRef Ref(string name) => new(Guid.NewGuid().ToString(), name);
}
