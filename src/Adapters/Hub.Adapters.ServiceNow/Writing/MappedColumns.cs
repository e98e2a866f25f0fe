using System.Text.Json.Nodes;
using Hub.Abstractions.Model;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// The columns the value maps give values for, as the instance wants them written: <c>state</c> with what the state
/// needs besides (<c>hold_reason</c> for 3 On Hold; <c>close_code</c> and <c>close_notes</c> for 6 Resolved and 7 Closed,
/// which the data policy demands), the priority as the impact and urgency the priority lookup turns into it (a written
/// priority would be overridden), and the category and subcategory choices.
/// </summary>
internal static class MappedColumns
{
    public static void Add(JsonObject columns, IReadOnlyDictionary<string, string> values, string? resolution, string caseId, ServiceNowOptions options)
    {
        if (Value(values, MappedField.Status) is { } state)
        {
            columns["state"] = state;
            if (state == IncidentStates.OnHold)
            {
                columns["hold_reason"] = options.HoldReason;
            }
            else if (state is IncidentStates.Resolved or IncidentStates.Closed)
            {
                columns["close_code"] = options.CloseCode;
                columns["close_notes"] = IncidentText.EntryOf(string.IsNullOrWhiteSpace(resolution) ? $"Resolved in the chain of hub case {caseId}." : resolution);
            }
        }

        if (Value(values, MappedField.Priority) is { } priority && IncidentStates.ImpactAndUrgencyOf(priority) is var (impact, urgency))
        {
            columns["impact"] = impact;
            columns["urgency"] = urgency;
        }

        if (Value(values, MappedField.Category) is { } category)
        {
            columns["category"] = category;
        }

        if (Value(values, MappedField.Subcategory) is { } subcategory)
        {
            columns["subcategory"] = subcategory;
        }
    }

    private static string? Value(IReadOnlyDictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
