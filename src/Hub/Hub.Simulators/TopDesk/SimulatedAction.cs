namespace Hub.Simulators.TopDesk;

/// <summary>A progress entry (action) of a simulated incident. <see cref="MemoText"/> is the HTML as stored.</summary>
public sealed record SimulatedAction(
    string Id,
    string MemoText,
    string PlainText,
    bool InvisibleForCaller,
    DateTimeOffset EntryDate,
    SimulatedRef? Operator,
    SimulatedRef? Person);
