namespace Hub.Core.Mapping;

/// <summary>A system the mappings speak of, and the role it plays in the chain (e.g. "servicedesk").</summary>
public sealed record SystemMapping(string Name, string Role, IReadOnlyDictionary<string, string> Settings);
