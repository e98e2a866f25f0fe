namespace Hub.Simulators.ServiceNow;

/// <summary>
/// One row of <c>sys_journal_field</c>: an entry of a journal column (<c>comments</c>, customer-visible, or
/// <c>work_notes</c>, internal) of the record <see cref="ElementId"/>, written by <see cref="CreatedBy"/> (a user_name).
/// </summary>
public sealed record SimulatedJournalEntry(string SysId, string ElementId, string Element, string Value, string CreatedOn, string CreatedBy)
{
    internal Dictionary<string, string> Values => new(StringComparer.Ordinal)
    {
        ["sys_id"] = SysId,
        ["element_id"] = ElementId,
        ["element"] = Element,
        ["name"] = "incident",
        ["value"] = Value,
        ["sys_created_on"] = CreatedOn,
        ["sys_created_by"] = CreatedBy,
    };
}
