using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Engine.Sync;

/// <summary>
/// Applies the JSON value maps: a system's raw status, priority, category and subcategory to canonical
/// values on the way in, and canonical values to the target's own on the way out.
/// Without a value map for a field, a category passes through as it is and a status or priority must be
/// spelled as the canonical name.
/// </summary>
public static class ValueTranslator
{
    /// <summary>The canonical fields of a change, or the reason it must be parked.</summary>
    public static (CaseFields Fields, string? UnknownReason) Inbound(MappingSet mappings, string system, ObservedChange change)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(change);
        var fields = change.Fields;
        foreach (var (field, raw) in change.RawValues)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            string canonical;
            if (mappings.HasValueMap(system, field))
            {
                if (!mappings.TryMapInbound(system, field, raw, out canonical))
                {
                    return (fields, $"{field} '{raw}' of system '{system}' has no entry in its value map; add it to the mappings (valueMaps: system '{system}', field '{field}') and the change will be picked up on reload.");
                }
            }
            else
            {
                canonical = raw;
            }

            switch (field)
            {
                case MappedField.Status when Enum.TryParse<CaseStatus>(canonical, ignoreCase: true, out var status):
                    fields = fields with { Status = status };
                    break;
                case MappedField.Status:
                    return (fields, $"status '{raw}' of system '{system}' maps to '{canonical}', which is not a canonical status ({string.Join(", ", Enum.GetNames<CaseStatus>())}).");
                case MappedField.Priority when Enum.TryParse<CasePriority>(canonical, ignoreCase: true, out var priority):
                    fields = fields with { Priority = priority };
                    break;
                case MappedField.Priority:
                    return (fields, $"priority '{raw}' of system '{system}' maps to '{canonical}', which is not a canonical priority ({string.Join(", ", Enum.GetNames<CasePriority>())}).");
                case MappedField.Category:
                    fields = fields with { Category = canonical };
                    break;
                case MappedField.Subcategory:
                    fields = fields with { Subcategory = canonical };
                    break;
                default:
                    break;
            }
        }

        return (fields, null);
    }

    /// <summary>The target system's own values for the mapped fields the canonical fields set.</summary>
    public static Dictionary<string, string> Outbound(MappingSet mappings, string system, CaseFields fields)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(MappedField.Status, fields.Status?.ToString());
        Add(MappedField.Priority, fields.Priority?.ToString());
        Add(MappedField.Category, fields.Category);
        Add(MappedField.Subcategory, fields.Subcategory);
        return values;

        void Add(string field, string? canonical)
        {
            if (canonical is null)
            {
                return;
            }

            if (!mappings.HasValueMap(system, field))
            {
                values[field] = canonical;
            }
            else if (mappings.TryMapOutbound(system, field, canonical, out var raw))
            {
                values[field] = raw;
            }
        }
    }
}
