namespace Hub.Simulators.TopDesk;

/// <summary>A processing status a simulated tenant starts with: its name, TOPdesk's processing state, whether it puts an incident on hold.</summary>
public sealed record TopDeskStatusSeed(string Name, string ProcessingState, bool OnHold = false);

/// <summary>
/// The search lists a simulated TOPdesk tenant starts with. Every TOPdesk tenant defines its own, so two tenants in one
/// chain (a tenant's service desk and a building manager's facility desk) share no name and no id.
/// </summary>
public sealed record TopDeskSearchLists
{
    /// <summary>Processing statuses; the first is the default a new incident gets.</summary>
    public required IReadOnlyList<TopDeskStatusSeed> ProcessingStatuses { get; init; }

    /// <summary>Categories with their subcategories.</summary>
    public required IReadOnlyDictionary<string, string[]> Categories { get; init; }

    /// <summary>Priorities; the second is the one an incident gets when nobody picks one.</summary>
    public required IReadOnlyList<string> Priorities { get; init; }

    public required IReadOnlyList<string> OperatorGroups { get; init; }

    /// <summary>A Dutch tenant's facility and ICT service desk (the shipped mappings' servicedesk).</summary>
    public static TopDeskSearchLists ServiceDesk { get; } = new()
    {
        ProcessingStatuses =
        [
            new("Geregistreerd", "logged"), new("In behandeling", "in_progress"), new("Ingepland", "in_progress"),
            new("Wachten op leverancier", "on_hold", OnHold: true), new("Gereed", "completed"), new("Afgesloten", "closed"),
        ],
        Categories = new Dictionary<string, string[]>
        {
            ["Facilitair"] = ["Sanitair", "Verwarming", "Elektra"],
            ["ICT"] = ["Werkplek", "Netwerk"],
        },
        Priorities = ["Laag", "Normaal", "Hoog", "Spoed"],
        OperatorGroups = ["Servicedesk", "Facilitaire dienst", "ICT beheer"],
    };

    /// <summary>A building manager's own TOPdesk (the facility of mappings/examples/topdesk-topdesk): other words for every list.</summary>
    public static TopDeskSearchLists BuildingManager { get; } = new()
    {
        ProcessingStatuses =
        [
            new("Nieuw", "logged"), new("In uitvoering", "in_progress"), new("Afspraak gemaakt", "in_progress"),
            new("Wacht op vakman", "on_hold", OnHold: true), new("Opgelost", "completed"), new("Gesloten", "closed"),
        ],
        Categories = new Dictionary<string, string[]>
        {
            ["Gebouwbeheer"] = ["Loodgieterswerk", "Klimaat", "Elektrotechniek"],
            ["Schoonmaak"] = ["Glasbewassing"],
        },
        Priorities = ["P4 Laag", "P3 Normaal", "P2 Hoog", "P1 Spoed"],
        OperatorGroups = ["Meldpunt gebouwbeheer", "Technische dienst"],
    };
}
