namespace Hub.Abstractions.Model;

/// <summary>When a contractor will come: a start and an end, with their offsets.</summary>
public sealed record AppointmentWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsValid => End >= Start;
}
