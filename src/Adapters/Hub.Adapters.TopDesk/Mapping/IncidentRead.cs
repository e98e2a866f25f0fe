using Hub.Adapters.TopDesk.Api;

namespace Hub.Adapters.TopDesk.Mapping;

/// <summary>An incident as one poll read it: what its snapshot is made of, with who the hub is in TOPdesk and when it read.</summary>
internal sealed record IncidentRead(TopDeskIncident Incident, string HubOperatorId, DateTimeOffset ReadAt)
{
    /// <summary>The hub created this incident: its request text, caller and a cut brief description are the hub's own composition.</summary>
    public bool CreatedByHub => Incident.Creator?.Id == HubOperatorId;
}

/// <summary>One progress entry of an incident as one poll read it.</summary>
internal sealed record ProgressEntryRead(TopDeskIncident Incident, TopDeskAction Action, string HubOperatorId, DateTimeOffset ReadAt);
