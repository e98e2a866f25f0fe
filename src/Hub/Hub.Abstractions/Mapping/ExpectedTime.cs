namespace Hub.Abstractions.Mapping;

/// <summary>
/// How long the target of a route may take to answer a new record, in working time (a route's "expectedWithin"):
/// whole working days, or working hours, counted in the hub's time zone on working days that are not holidays.
/// </summary>
public sealed record ExpectedTime(int WorkingDays, int WorkingHours)
{
    public override string ToString() => WorkingDays > 0 ? $"{WorkingDays} working day(s)" : $"{WorkingHours} working hour(s)";
}
