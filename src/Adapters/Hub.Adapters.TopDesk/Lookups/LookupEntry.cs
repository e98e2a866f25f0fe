namespace Hub.Adapters.TopDesk.Lookups;

/// <summary>One entry of a TOPdesk look-up list; <see cref="ParentId"/> is a subcategory's category.</summary>
internal sealed record LookupEntry(string Id, string Name, string? ParentId = null);
