using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;
using Hub.Engine.Sync;

namespace Hub.Host.Cli.Rehearsal;

/// <summary>
/// What `hub mappings test` shows of one record: the record read, its canonical change, the routes that take it or not
/// and why, what each downstream system would get (create or change, each field canonical → the target's own value,
/// values the target's value map lacks, the contractor picked) and the journal lines the hub would write.
/// </summary>
internal sealed record RehearsalReport
{
    public required string System { get; init; }
    public required string Record { get; init; }
    public string? RecordNumber { get; init; }
    public required string MappingVersion { get; init; }
    public required string MappingsDirectory { get; init; }

    /// <summary>The hub database planned against, or a sentence saying there is none yet (nothing linked).</summary>
    public required string Database { get; init; }

    public required IntakeResult Outcome { get; init; }
    public required string Meaning { get; init; }
    public string? CaseId { get; init; }
    public string? ParkedBecause { get; init; }
    public required IReadOnlyList<CanonicalValue> Canonical { get; init; }
    public required IReadOnlyList<RouteVerdict> Routes { get; init; }
    public required IReadOnlyList<TargetWrite> Writes { get; init; }
    public required IReadOnlyList<PlannedJournalLine> Journal { get; init; }

    public static RehearsalReport Of(string system, string record, ObservedChange change, IntakePlan plan, MappingSet map, string mappingsDirectory, string database)
    {
        var (fields, _) = ValueTranslator.Inbound(map, system, change);
        var caseId = plan.CaseId ?? (plan.Intents.Count > 0 ? plan.Intents[0].CaseId : null);
        return new RehearsalReport
        {
            System = system,
            Record = change.ExternalId,
            RecordNumber = change.ExternalNumber ?? (record == change.ExternalId ? null : record),
            MappingVersion = map.Version,
            MappingsDirectory = mappingsDirectory,
            Database = database,
            Outcome = plan.Result,
            Meaning = MeaningOf(plan.Result, caseId),
            CaseId = caseId,
            ParkedBecause = plan.ParkedBecause,
            Canonical = CanonicalValue.Of(map, system, change, fields),
            Routes = [.. map.Routes.Select(r => RouteVerdict.Of(r, map, fields))],
            Writes = [.. plan.Intents.Select(i => TargetWrite.Of(i, map))],
            Journal = [.. plan.Journal.Select(e => new PlannedJournalLine(e.Kind, e.Outcome, e.TargetSystem, e.Error ?? e.Detail))],
        };
    }

    private static string MeaningOf(IntakeResult result, string? caseId) => result switch
    {
        IntakeResult.Opened => $"a new case ({caseId}) would open and its chain be queued",
        IntakeResult.Updated => $"case {caseId} would take the change and pass it on",
        IntakeResult.Unchanged => $"case {caseId} already holds these values: nothing would be sent",
        IntakeResult.NotRouted => "no route takes this record and no case knows it: nothing would happen",
        IntakeResult.Parked => "the change would be parked until the mapping knows its values",
        IntakeResult.Echo => "the record shows the hub's own last write: nothing would happen",
        IntakeResult.ClaimRefused => "the record claims a case it may not join: it would be refused and journaled",
        var other => other.ToString(),
    };
}

/// <summary>One canonical field of the change: the system's own value, when the field is value-mapped, and the canonical one.</summary>
internal sealed record CanonicalValue(string Field, string? SourceValue, string? Canonical, string? Note)
{
    public static IReadOnlyList<CanonicalValue> Of(MappingSet map, string system, ObservedChange change, CaseFields fields)
    {
        var values = new List<CanonicalValue>();
        foreach (var field in RouteFieldNames.All)
        {
            var raw = change.RawValues.GetValueOrDefault(field);
            var canonical = ShownValue.Of(fields, field);
            if (raw is null && canonical is null)
            {
                continue;
            }

            var note = raw is not null && map.HasValueMap(system, field) && !map.TryMapInbound(system, field, raw, out _)
                ? $"PARKED: '{raw}' has no entry in the value map of {system}/{field}"
                : raw is not null && !map.HasValueMap(system, field) ? "no value map: taken as it is" : null;
            values.Add(new CanonicalValue(field, raw, canonical, note));
        }

        return values;
    }
}

/// <summary>Whether a route takes the case, why, and for a route that picks its contractor, whom it picks.</summary>
internal sealed record RouteVerdict(string Name, string From, string To, bool Takes, string Why, string? Contractor)
{
    public static RouteVerdict Of(RouteMapping route, MappingSet map, CaseFields fields)
    {
        var takes = ChainRouter.Takes(route, fields);
        var why = string.Join("; ", new[]
        {
            Condition("category", route.When.Categories, fields.Category),
            Condition("subcategory", route.When.Subcategories, fields.Subcategory),
        }.Where(c => c is not null));
        var contractor = route.ContractorBy is null ? null
            : map.FindContractor(route, fields) is { } picked ? $"{picked.Id} <{picked.Email}> (by {route.ContractorBy})"
            : $"none: no contractor has {route.ContractorBy} '{(route.ContractorBy.Equals(RouteFieldNames.Category, StringComparison.OrdinalIgnoreCase) ? fields.Category : fields.Subcategory)}' (parked)";
        return new RouteVerdict(route.Name, route.From, route.To, takes, why.Length == 0 ? "takes every case" : why, contractor);
    }

    private static string? Condition(string field, IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 ? null
        : value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase) ? $"{field} '{value}' is one of {string.Join(", ", allowed)}"
        : $"{field} '{value ?? "(none)"}' is not one of {string.Join(", ", allowed)}";
}

/// <summary>One intent for a downstream system: create or which change, the contractor, and each field as it would be written.</summary>
internal sealed record TargetWrite(string Target, string Action, string? Contractor, IReadOnlyList<WrittenValue> Fields, string? Comment)
{
    public static TargetWrite Of(OutboxIntent intent, MappingSet map)
    {
        var action = intent is CreateIntent ? "create" : intent.KindOfChange().ToString();
        var contractor = RouteParameters.ContractorOf(intent.Parameters) is { } id
            ? $"{id}{(RouteParameters.ContractorEmailOf(intent.Parameters) is { } email ? $" <{email}>" : string.Empty)}"
            : null;
        var fields = RouteFieldNames.All
            .Select(f => (Field: f, Canonical: ShownValue.Of(intent.Fields, f)))
            .Where(f => f.Canonical is not null)
            .Select(f => WrittenValue.Of(intent, map, f.Field, f.Canonical!))
            .ToList();
        var comment = intent is ChangeIntent { Comment: { } c } ? $"{(c.IsPublic ? "public" : "internal")}: {c.Text}" : null;
        return new TargetWrite(intent.Target, action, contractor, fields, comment);
    }
}

/// <summary>A field for a target: the canonical value and the target's own, or why it would be left out.</summary>
internal sealed record WrittenValue(string Field, string Canonical, string? TargetValue, string? Note)
{
    public static WrittenValue Of(OutboxIntent intent, MappingSet map, string field, string canonical)
    {
        if (!MappedField.All.Contains(field))
        {
            return new WrittenValue(field, canonical, canonical, null);
        }

        if (intent.TargetValues.TryGetValue(field, out var value))
        {
            return new WrittenValue(field, canonical, value, map.HasValueMap(intent.Target, field) ? "value map" : "no value map: as it is");
        }

        return new WrittenValue(field, canonical, null, $"UNMAPPED: the value map of {intent.Target}/{field} has no entry for '{canonical}'; left out");
    }
}

/// <summary>A canonical field's value as a person reads it (the journal's text, a reporter as name, e-mail and phone).</summary>
internal static class ShownValue
{
    public static string? Of(CaseFields fields, string field) => CaseState.Read(fields, field) switch
    {
        CaseReporter reporter => string.Join(", ", new[] { reporter.Name, reporter.Email, reporter.Phone }.Where(p => !string.IsNullOrWhiteSpace(p))),
        _ => CaseState.Describe(fields, field),
    };
}

/// <summary>A journal line the hub would write for this change.</summary>
internal sealed record PlannedJournalLine(string Kind, string Outcome, string? Target, string? Detail);
