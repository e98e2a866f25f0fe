using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hub.Adapters.ServiceNow.Reading;

/// <summary>
/// One incident row as read with <c>sysparm_display_value=all</c> and <c>sysparm_exclude_reference_link=true</c>: every
/// column is <c>{"display_value", "value"}</c> (a plain string is taken as both). A column of any other shape makes the
/// row unreadable, naming the column; the rest of the page is not affected.
/// </summary>
internal sealed class IncidentRow
{
    /// <summary>The columns the hub reads (sysparm_fields): the rest of a wide row is never transferred.</summary>
    public const string Fields =
        "sys_id,number,short_description,description,state,hold_reason,close_code,close_notes,caller_id,assignment_group," +
        "category,subcategory,priority,location,correlation_id,correlation_display,sys_created_on,sys_created_by,sys_updated_on,sys_updated_by,sys_mod_count";

    private readonly JsonElement row;

    public IncidentRow(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the row is {row.ValueKind}, not an object.");
        }

        this.row = row;
    }

    public string SysId => Value("sys_id");
    public string Number => Value("number");
    public string UpdatedOn => Value("sys_updated_on");

    /// <summary>The stored value of a column ("" when absent).</summary>
    public string Value(string column) => Cell(column).Value;

    /// <summary>The display value of a column: a reference's name, a choice's label.</summary>
    public string Display(string column) => Cell(column).Display;

    private (string Value, string Display) Cell(string column)
    {
        if (!row.TryGetProperty(column, out var cell) || cell.ValueKind == JsonValueKind.Null)
        {
            return (string.Empty, string.Empty);
        }

        switch (cell.ValueKind)
        {
            case JsonValueKind.String:
                var text = cell.GetString() ?? string.Empty;
                return (text, text);
            case JsonValueKind.Object:
                var value = Text(cell, "value", column);
                var display = Text(cell, "display_value", column);
                return (value ?? display ?? string.Empty, display ?? value ?? string.Empty);
            default:
                throw new FormatException($"column '{column}': expected a string or {{display_value, value}}, got {Describe(cell)}.");
        }
    }

    private static string? Text(JsonElement cell, string name, string column)
    {
        if (!cell.TryGetProperty(name, out var part) || part.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return part.ValueKind == JsonValueKind.String
            ? part.GetString()
            : throw new FormatException($"column '{column}': {name} is {Describe(part)}, not a string.");
    }

    public static string HashOf(JsonElement element) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(element.GetRawText())))[..12];

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };

    /// <summary>What identifies a row even when it cannot be read whole: its sys_id and number if they are strings, else a hash.</summary>
    public static (string Id, string? Number, string Version) IdentityOf(JsonElement row)
    {
        string? Get(string column) =>
            row.ValueKind == JsonValueKind.Object && row.TryGetProperty(column, out var cell)
                ? cell.ValueKind == JsonValueKind.String ? cell.GetString()
                : cell.ValueKind == JsonValueKind.Object && cell.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null
                : null;
        var hash = HashOf(row);
        return (Get("sys_id") ?? "unidentified:" + hash, Get("number"), $"{Get("sys_updated_on") ?? "undated"}#{hash}");
    }
}
