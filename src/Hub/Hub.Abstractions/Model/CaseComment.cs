namespace Hub.Abstractions.Model;

/// <summary>A note on a complaint. Public comments are visible to the person who reported it.</summary>
public sealed record CaseComment(string Text, bool IsPublic, string? Author);
