namespace Hub.Engine.Journal;

/// <summary>A verified head kept somewhere outside the journal (<see cref="Where"/>: "the database", "head file …").</summary>
public sealed record KeptHead(VerifiedHead Head, string Where);
