using System.Globalization;
using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using Hub.Adapters.ServiceNow.Writing;

namespace Hub.Adapters.ServiceNow.Reading;

/// <summary>
/// An incident row as the hub's change: the snapshot (canonical fields, and the instance's own values of state,
/// priority, category and subcategory for the value maps) and one comment per journal entry. The hub's own writes are
/// known by the integration user in sys_updated_by / sys_created_by.
/// </summary>
internal sealed class IncidentTranslation(string echoUser)
{
    public ObservedChange Snapshot(IncidentRow row)
    {
        var updatedOn = row.UpdatedOn;
        var occurred = ServiceNowTime.Read("sys_updated_on", updatedOn);
        var modCount = row.Value("sys_mod_count");
        if (modCount.Length > 0 && !int.TryParse(modCount, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"column 'sys_mod_count': '{modCount}' is not a whole number.");
        }

        var createdByHub = row.Value("correlation_id").Length > 0 && row.Value("sys_created_by") == echoUser;
        var state = row.Value("state");
        var location = row.Display("location");
        var caller = row.Display("caller_id");
        var title = row.Value("short_description");
        return new ObservedChange
        {
            ExternalId = Required(row.SysId, "sys_id"),
            ExternalNumber = Blank(row.Number),
            Version = $"{updatedOn}#{(modCount.Length == 0 ? "0" : modCount)}",
            Kind = modCount is "" or "0" ? ChangeKind.Created : ChangeKind.FieldsChanged,
            OccurredAt = occurred,
            Fields = new CaseFields
            {
                Title = createdByHub && title.EndsWith(Abstractions.Model.TextCut.Ellipsis, StringComparison.Ordinal) ? null : Blank(title),
                Description = createdByHub ? null : Blank(row.Value("description")),
                Reporter = createdByHub || caller.Length == 0 ? null : new CaseReporter(caller, null, null),
                Location = location.Length == 0 ? null : new CaseLocation(location, null, null, null),
                Resolution = state is IncidentStates.Resolved or IncidentStates.Closed ? Blank(row.Value("close_notes")) : null,
            },
            RawValues = RawValuesOf(row, state),
            CorrelationKey = Blank(row.Value("correlation_id")),
            WrittenByHub = row.Value("sys_updated_by") == echoUser,
            Actor = Blank(row.Value("sys_updated_by")),
        };
    }

    public ObservedChange Comment(IncidentRow incident, JsonElement entry)
    {
        var element = Text(entry, "element");
        var by = Text(entry, "sys_created_by");
        return new ObservedChange
        {
            ExternalId = incident.SysId,
            ExternalNumber = Blank(incident.Number),
            Version = "journal:" + Required(Text(entry, "sys_id"), "sys_id"),
            Kind = ChangeKind.CommentAdded,
            OccurredAt = ServiceNowTime.Read("sys_created_on", Text(entry, "sys_created_on")),
            Comment = new CaseComment(Text(entry, "value"), IsPublic: element == JournalColumns.Comments, Author: Blank(by)),
            CorrelationKey = Blank(incident.Value("correlation_id")),
            WrittenByHub = by == echoUser,
            Actor = Blank(by),
        };
    }

    private static Dictionary<string, string> RawValuesOf(IncidentRow row, string state)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in new[]
                 {
                     (MappedField.Status, state), (MappedField.Priority, row.Value("priority")),
                     (MappedField.Category, row.Value("category")), (MappedField.Subcategory, row.Value("subcategory")),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                raw[field] = value;
            }
        }

        return raw;
    }

    /// <summary>A journal column of sys_journal_field, which the hub reads without display values: plain strings.</summary>
    internal static string Text(JsonElement entry, string column) =>
        !entry.TryGetProperty(column, out var value) || value.ValueKind == JsonValueKind.Null ? string.Empty
        : value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty
        : throw new FormatException($"journal entry column '{column}' is {value.ValueKind}, not a string.");

    private static string Required(string value, string column) =>
        value.Length > 0 ? value : throw new FormatException($"column '{column}' is empty.");

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
