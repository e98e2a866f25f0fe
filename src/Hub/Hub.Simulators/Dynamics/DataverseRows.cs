using System.Globalization;
using System.Text.Json.Nodes;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// Renders rows as the Web API does: raw column values, <c>@odata.etag</c>, and (when asked with
/// <c>Prefer: odata.include-annotations</c>) formatted values and lookup annotations.
/// </summary>
internal sealed class DataverseRows(string correlationKeyColumn, Func<Guid, string> userName)
{
    private const string Formatted = "@OData.Community.Display.V1.FormattedValue";

    public IReadOnlySet<string> CaseColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "incidentid", "ticketnumber", "title", "description", "prioritycode", "caseorigincode", "statecode", "statuscode",
        "resolveby", "_customerid_value", "createdon", "modifiedon", "_createdby_value", "_modifiedby_value", "versionnumber",
        correlationKeyColumn,
    };

    public IReadOnlySet<string> NoteColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "annotationid", "subject", "notetext", "_objectid_value", "objecttypecode", "isdocument", "createdon", "modifiedon",
        "_createdby_value", "_modifiedby_value", "versionnumber",
    };

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject Case(SimulatedCase row)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = row.ETag,
            ["incidentid"] = row.Id.ToString(),
            ["ticketnumber"] = row.TicketNumber,
            ["title"] = row.Title,
            ["description"] = row.Description,
            ["prioritycode"] = row.PriorityCode,
            ["caseorigincode"] = row.CaseOriginCode,
            ["statecode"] = row.StateCode,
            ["statuscode"] = row.StatusCode,
            ["resolveby"] = row.ResolveBy is { } by ? Date(by) : null,
            ["_customerid_value"] = row.CustomerId?.ToString(),
            ["createdon"] = Date(row.CreatedOn),
            ["modifiedon"] = Date(row.ModifiedOn),
            ["_createdby_value"] = row.CreatedBy.ToString(),
            ["_modifiedby_value"] = row.ModifiedBy.ToString(),
            ["versionnumber"] = row.Version,
            [correlationKeyColumn] = row.CorrelationKey,
        };
        foreach (var (column, raw) in row.RawColumns)
        {
            json[column] = JsonNode.Parse(raw);
        }

        return json;
    }

    public static JsonObject Note(SimulatedNote note) => new()
    {
        ["@odata.etag"] = $"W/\"{note.Version}\"",
        ["annotationid"] = note.Id.ToString(),
        ["subject"] = note.Subject,
        ["notetext"] = note.NoteText,
        ["_objectid_value"] = note.CaseId.ToString(),
        ["objecttypecode"] = "incident",
        ["isdocument"] = false,
        ["createdon"] = Date(note.CreatedOn),
        ["modifiedon"] = Date(note.ModifiedOn),
        ["_createdby_value"] = note.CreatedBy.ToString(),
        ["_modifiedby_value"] = note.CreatedBy.ToString(),
        ["versionnumber"] = note.Version,
    };

    /// <summary>Keeps the selected columns (the key and the ETag always) and adds annotations when asked.</summary>
    public JsonObject Project(JsonObject full, IReadOnlyList<string>? select, string key, bool formatted)
    {
        var result = new JsonObject { ["@odata.etag"] = full["@odata.etag"]?.DeepClone() };
        var columns = select ?? full.Select(kv => kv.Key).Where(k => !k.StartsWith('@')).ToList();
        foreach (var column in columns.Append(key).Distinct(StringComparer.Ordinal))
        {
            var value = full[column]?.DeepClone();
            if (formatted && value is not null && FormattedValueOrNone(column, value) is { } label)
            {
                result[column + Formatted] = label;
            }

            if (formatted && column is "_customerid_value" && value is not null)
            {
                result[column + "@Microsoft.Dynamics.CRM.associatednavigationproperty"] = "customerid_account";
                result[column + "@Microsoft.Dynamics.CRM.lookuplogicalname"] = "account";
            }

            if (formatted && column is "_createdby_value" or "_modifiedby_value" && value is not null)
            {
                result[column + "@Microsoft.Dynamics.CRM.lookuplogicalname"] = "systemuser";
            }

            result[column] = value;
        }

        return result;
    }

    /// <summary>A column served as odd raw JSON has no formatted value, as in Dataverse.</summary>
    private string? FormattedValueOrNone(string column, JsonNode value)
    {
        try
        {
            return FormattedValue(column, value);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private string? FormattedValue(string column, JsonNode value) => column switch
    {
        "statecode" => DataverseStore.StateName(value.GetValue<int>()),
        "statuscode" => IncidentChoices.StatusLabel(value.GetValue<int>()) ?? value.GetValue<int>().ToString(CultureInfo.InvariantCulture),
        "prioritycode" => IncidentChoices.PriorityLabel(value.GetValue<int>()) ?? value.GetValue<int>().ToString(CultureInfo.InvariantCulture),
        "caseorigincode" => value.GetValue<int>() switch
        {
            1 => "Phone",
            2 => "Email",
            3 => "Web",
            var other => other.ToString(CultureInfo.InvariantCulture),
        },
        "createdon" or "modifiedon" or "resolveby" =>
            DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        "_createdby_value" or "_modifiedby_value" => userName(Guid.Parse(value.GetValue<string>())),
        "_customerid_value" => "Account " + value.GetValue<string>()[..8],
        "versionnumber" => value.GetValue<long>().ToString("N0", CultureInfo.InvariantCulture),
        _ => null,
    };
}
