namespace Hub.Adapters.TopDesk.Api;

/// <summary>A search-list value or card as TOPdesk nests it in a record: <c>{"id": "...", "name": "..."}</c>.</summary>
internal sealed record TopDeskRef(string? Id, string? Name);

/// <summary>A search-list value or card sent to TOPdesk, by id only (TOPdesk refuses id and name together).</summary>
internal sealed record TopDeskIdRef(string Id);
