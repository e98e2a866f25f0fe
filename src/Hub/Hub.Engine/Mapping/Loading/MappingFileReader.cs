using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Newtonsoft.Json.Linq;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Reads one schema-valid mapping file into the mapping model. The schema has already vouched for the shape,
/// so this only converts: lists, enums in camelCase, a template body given as lines.
/// </summary>
internal static class MappingFileReader
{
    public static void Read(string file, JObject root, MappingParts parts)
    {
        ReadSection(file, root, "systems", parts.Systems, ReadSystem);
        ReadSection(file, root, "valueMaps", parts.ValueMaps, ReadValueMap);
        ReadSection(file, root, "routes", parts.Routes, ReadRoute);
        ReadSection(file, root, "contractors", parts.Contractors, ReadContractor);
        ReadSection(file, root, "templates", parts.Templates, ReadTemplate);
        ReadSection(file, root, "phrases", parts.Phrases, ReadPhrases);
        ReadSection(file, root, "milestones", parts.Milestones, ReadMilestones);
    }

    private static void ReadSection<T>(string file, JObject root, string section, List<Located<T>> into, Func<JObject, T> read)
    {
        if (root[section] is not JArray items)
        {
            return;
        }

        var sectionPath = JsonPaths.Property(JsonPaths.Root, section);
        for (var i = 0; i < items.Count; i++)
        {
            into.Add(new Located<T>(read((JObject)items[i]), file, JsonPaths.Item(sectionPath, i)));
        }
    }

    private static SystemMapping ReadSystem(JObject o) =>
        new(Text(o, "name"), Text(o, "role"), Settings(o, "settings")) { Adapter = OptionalText(o, "adapter") };

    private static ValueMap ReadValueMap(JObject o)
    {
        var field = Text(o, "field");
        var entries = ((JArray)o["values"]!).Cast<JObject>().Select(e => new ValueMapEntry(
            Text(e, "value"),
            CanonicalValues.Normalize(field, Text(e, "canonical")),
            Enum.Parse<MapDirection>(OptionalText(e, "direction") ?? "both", ignoreCase: true)) { Description = OptionalText(e, "description") });
        return new ValueMap(Text(o, "system"), field, [.. entries])
        {
            Unmapped = Enum.Parse<UnmappedValues>(OptionalText(o, "unmapped") ?? "park", ignoreCase: true),
        };
    }

    private static RouteMapping ReadRoute(JObject o)
    {
        var when = o["when"] as JObject;
        var fields = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in (o["fields"] as JObject)?.Properties() ?? [])
        {
            fields[field.Name] = ReadFieldRule((JObject)field.Value);
        }

        return new RouteMapping
        {
            Name = Text(o, "name"),
            From = Text(o, "from"),
            To = Text(o, "to"),
            Role = Text(o, "role"),
            When = when is null ? RouteCondition.Always : new RouteCondition(Texts(when, "categories"), Texts(when, "subcategories")),
            ContractorBy = OptionalText(o, "contractorBy"),
            Parameters = Settings(o, "parameters"),
            Fields = fields,
            ExpectedWithin = o["expectedWithin"] is JObject expected
                ? new ExpectedTime((int?)expected["workingDays"] ?? 0, (int?)expected["workingHours"] ?? 0)
                : null,
        };
    }

    private static FieldRule ReadFieldRule(JObject o) => new(
        Enum.Parse<FlowDirection>(Text(o, "direction"), ignoreCase: true),
        OptionalText(o, "owner"),
        OptionalText(o, "visibility"),
        (bool?)o["relay"] ?? false);

    private static ContractorMapping ReadContractor(JObject o) => new()
    {
        Id = Text(o, "id"),
        Name = Text(o, "name"),
        Email = Text(o, "email"),
        Senders = Texts(o, "senders"),
        Language = OptionalText(o, "language") ?? Languages.Default,
        Categories = Texts(o, "categories"),
        Subcategories = Texts(o, "subcategories"),
    };

    private static MessageTemplate ReadTemplate(JObject o)
    {
        var body = o["body"] is JArray lines ? string.Join('\n', lines.Select(l => (string?)l)) : Text(o, "body");
        return new MessageTemplate(Text(o, "language"), Text(o, "subject"), body);
    }

    private static ReplyPhrases ReadPhrases(JObject o) => new()
    {
        Language = Text(o, "language"),
        Accepted = Texts(o, "accepted"),
        Done = Texts(o, "done"),
        Scheduled = Texts(o, "scheduled"),
        Refused = Texts(o, "refused"),
        Delayed = Texts(o, "delayed"),
        Weekdays = Texts(o, "weekdays"),
        Months = Texts(o, "months"),
    };

    private static MilestoneTemplates ReadMilestones(JObject o) => new()
    {
        Language = Text(o, "language"),
        Texts = MilestoneTemplates.TextKeys.Where(key => o[key] is not null)
            .ToDictionary(key => key, key => Text(o, key), StringComparer.OrdinalIgnoreCase),
        RefusedNote = Text(o, "refusedNote"),
        OverdueNote = Text(o, "overdueNote"),
        Parties = Settings(o, "parties"),
    };

    private static string Text(JObject o, string name) => (string?)o[name] ?? string.Empty;

    private static string? OptionalText(JObject o, string name) => (string?)o[name];

    private static string[] Texts(JObject o, string name) =>
        o[name] is JArray items ? [.. items.Select(i => (string?)i ?? string.Empty)] : [];

    private static Dictionary<string, string> Settings(JObject o, string name)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in (o[name] as JObject)?.Properties() ?? [])
        {
            settings[setting.Name] = (string?)setting.Value ?? string.Empty;
        }

        return settings;
    }
}
