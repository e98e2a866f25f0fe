using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hub.Simulators.Dynamics;

/// <summary>The columns a create or PATCH body sets on an incident, checked like Dataverse checks them.</summary>
internal sealed partial class CasePatch
{
    public string? Title { get; private set; }
    public bool SetsTitle { get; private set; }
    public string? Description { get; private set; }
    public bool SetsDescription { get; private set; }
    public int? PriorityCode { get; private set; }
    public int? CaseOriginCode { get; private set; }
    public int? StateCode { get; set; }
    public int? StatusCode { get; set; }
    public DateTimeOffset? ResolveBy { get; private set; }
    public string? CustomerEntitySet { get; set; }
    public Guid? CustomerId { get; set; }
    public string? CorrelationKey { get; set; }

    public static CasePatch Parse(string? body, string correlationKeyColumn)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject
                ?? throw DataverseFault.BadRequest("The request body must be a JSON object.", "0x80048d19");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw DataverseFault.BadRequest("Error identified in Payload provided by the user for Entity :'incidents', " + e.Message, "0x80048d19");
        }

        var patch = new CasePatch();
        foreach (var (name, value) in json)
        {
            switch (name)
            {
                case "title":
                    patch.Title = Text(value, name, 200);
                    patch.SetsTitle = true;
                    break;
                case "description":
                    patch.Description = Text(value, name, 2000);
                    patch.SetsDescription = true;
                    break;
                case "prioritycode":
                    patch.PriorityCode = Choice(value, name, [1, 2, 3]);
                    break;
                case "caseorigincode":
                    patch.CaseOriginCode = Choice(value, name, [1, 2, 3, 2483, 3986, 700610000]);
                    break;
                case "statecode":
                    patch.StateCode = Choice(value, name, [0, 1, 2]);
                    break;
                case "statuscode":
                    patch.StatusCode = Choice(value, name, [1, 2, 3, 4, 5, 6, 1000, 2000]);
                    break;
                case "resolveby":
                    patch.ResolveBy = value is null ? null : DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);
                    break;
                case "customerid_account@odata.bind":
                case "customerid_contact@odata.bind":
                    (patch.CustomerEntitySet, patch.CustomerId) = Binding(value, name);
                    break;
                default:
                    if (string.Equals(name, correlationKeyColumn, StringComparison.Ordinal))
                    {
                        patch.CorrelationKey = Text(value, name, 100);
                        break;
                    }

                    throw DataverseFault.BadRequest(
                        $"The property '{name}' does not exist on type 'Microsoft.Dynamics.CRM.incident'. Make sure to only use property names that are defined by the type.",
                        "0x80060888");
            }
        }

        return patch;
    }

    public void ApplyTo(SimulatedCase row)
    {
        if (SetsTitle)
        {
            row.Title = Title ?? string.Empty;
        }

        if (SetsDescription)
        {
            row.Description = Description;
        }

        row.PriorityCode = PriorityCode ?? row.PriorityCode;
        row.CaseOriginCode = CaseOriginCode ?? row.CaseOriginCode;
        row.StateCode = StateCode ?? row.StateCode;
        row.StatusCode = StatusCode ?? row.StatusCode;
        row.ResolveBy = ResolveBy ?? row.ResolveBy;
        if (CustomerId is not null)
        {
            row.CustomerId = CustomerId;
            row.CustomerEntitySet = CustomerEntitySet;
        }

        row.CorrelationKey = CorrelationKey ?? row.CorrelationKey;
    }

    private static string? Text(JsonNode? value, string name, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length > maxLength)
        {
            throw DataverseFault.BadRequest(
                $"A validation error occurred.  The length of the '{name}' attribute of the 'incident' entity exceeded the maximum allowed length of '{maxLength}'.",
                "0x80044331");
        }

        return text;
    }

    private static int Choice(JsonNode? value, string name, int[] allowed)
    {
        var number = value?.GetValue<int>() ?? throw DataverseFault.BadRequest($"Attribute '{name}' cannot be NULL", "0x80040200");
        if (Array.IndexOf(allowed, number) < 0 && number != -1)
        {
            throw DataverseFault.BadRequest($"A validation error occurred. The value {number} of '{name}' on record of type 'incident' is outside the valid range.", "0x80044331");
        }

        return number;
    }

    private static (string, Guid) Binding(JsonNode? value, string name)
    {
        var text = value?.GetValue<string>() ?? string.Empty;
        var match = BindingPattern().Match(text);
        if (!match.Success || !Guid.TryParse(match.Groups["id"].Value, out var id))
        {
            throw DataverseFault.BadRequest($"Invalid value '{text}' for '{name}': expected /<entityset>(<guid>).", "0x80048d19");
        }

        var set = match.Groups["set"].Value;
        var expected = name.StartsWith("customerid_account", StringComparison.Ordinal) ? "accounts" : "contacts";
        if (!string.Equals(set, expected, StringComparison.Ordinal))
        {
            throw DataverseFault.BadRequest($"The entity set '{set}' does not match the navigation property '{name}'.", "0x80048d19");
        }

        return (set, id);
    }

    [GeneratedRegex(@"^/?(?:.*/)?(?<set>[a-z_]+)\((?<id>[0-9a-fA-F-]{36})\)$")]
    private static partial Regex BindingPattern();
}
