using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using System.Globalization;
using System.Text.Json;

namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// Reads one schema-valid mapping file into the mapping model. The schema has already vouched for the shape,
/// so this only converts: lists, enums in camelCase, a template body given as lines.
/// </summary>
internal static class MappingFileReader
{
    public static void Read(string file, MappingNode root, MappingParts parts)
    {
        ReadSection(file, root, "systems", parts.Systems, ReadSystem);
        ReadSection(file, root, "valueMaps", parts.ValueMaps, ReadValueMap);
        ReadSection(file, root, "routes", parts.Routes, ReadRoute);
        ReadSection(file, root, "contractors", parts.Contractors, ReadContractor);
        ReadSection(file, root, "templates", parts.Templates, ReadTemplate);
        ReadSection(file, root, "phrases", parts.Phrases, ReadPhrases);
        ReadSection(file, root, "milestones", parts.Milestones, ReadMilestones);
    }

    private static void ReadSection<T>(string file, MappingNode root, string section, List<Located<T>> into, Func<MappingNode, T> read)
    {
        var items = root[section]?.Items ?? [];
        var sectionPath = JsonPaths.Property(JsonPaths.Root, section);
        for (var i = 0; i < items.Count; i++)
        {
            into.Add(new Located<T>(read(items[i]), file, JsonPaths.Item(sectionPath, i)));
        }
    }

    private static SystemMapping ReadSystem(MappingNode o) =>
        new(Text(o, "name"), Text(o, "role"), Settings(o, "settings")) { Adapter = OptionalText(o, "adapter") };

    private static ValueMap ReadValueMap(MappingNode o)
    {
        var field = Text(o, "field");
        var entries = o["values"]!.Items.Select(e => new ValueMapEntry(
            Text(e, "value"),
            CanonicalValues.Normalize(field, Text(e, "canonical")),
            Enum.Parse<MapDirection>(OptionalText(e, "direction") ?? "both", ignoreCase: true)) { Description = OptionalText(e, "description") });
        return new ValueMap(Text(o, "system"), field, [.. entries])
        {
            Unmapped = Enum.Parse<UnmappedValues>(OptionalText(o, "unmapped") ?? "park", ignoreCase: true),
        };
    }

    private static RouteMapping ReadRoute(MappingNode o)
    {
        var when = o["when"];
        var fields = new Dictionary<string, FieldRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rule) in o["fields"]?.Properties ?? [])
        {
            fields[name] = ReadFieldRule(rule);
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
            ExpectedWithin = o["expectedWithin"] is { } expected
                ? new ExpectedTime(Whole(expected, "workingDays"), Whole(expected, "workingHours"))
                : null,
        };
    }

    private static FieldRule ReadFieldRule(MappingNode o) => new(
        Enum.Parse<FlowDirection>(Text(o, "direction"), ignoreCase: true),
        OptionalText(o, "owner"),
        OptionalText(o, "visibility"),
        o["relay"]?.Kind == JsonValueKind.True);

    private static ContractorMapping ReadContractor(MappingNode o) => new()
    {
        Id = Text(o, "id"),
        Name = Text(o, "name"),
        Email = Text(o, "email"),
        Senders = Texts(o, "senders"),
        Language = OptionalText(o, "language") ?? Languages.Default,
        Categories = Texts(o, "categories"),
        Subcategories = Texts(o, "subcategories"),
    };

    private static MessageTemplate ReadTemplate(MappingNode o)
    {
        var body = o["body"] is { Kind: JsonValueKind.Array } lines ? string.Join('\n', lines.Items.Select(MappingNode.TextOf)) : Text(o, "body");
        return new MessageTemplate(Text(o, "language"), Text(o, "subject"), body);
    }

    private static ReplyPhrases ReadPhrases(MappingNode o) => new()
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

    private static MilestoneTemplates ReadMilestones(MappingNode o) => new()
    {
        Language = Text(o, "language"),
        Texts = MilestoneTemplates.TextKeys.Where(key => o[key] is not null)
            .ToDictionary(key => key, key => Text(o, key), StringComparer.OrdinalIgnoreCase),
        RefusedNote = Text(o, "refusedNote"),
        OverdueNote = Text(o, "overdueNote"),
        Parties = Settings(o, "parties"),
    };

    private static string Text(MappingNode o, string name) => OptionalText(o, name) ?? string.Empty;

    private static string? OptionalText(MappingNode o, string name) => MappingNode.TextOf(o[name]);

    private static int Whole(MappingNode o, string name) =>
        o[name] is { } number ? int.Parse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

    private static string[] Texts(MappingNode o, string name) =>
        [.. (o[name]?.Items ?? []).Select(i => MappingNode.TextOf(i) ?? string.Empty)];

    private static Dictionary<string, string> Settings(MappingNode o, string name)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, value) in o[name]?.Properties ?? [])
        {
            settings[setting] = MappingNode.TextOf(value) ?? string.Empty;
        }

        return settings;
    }
}
