using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

public sealed class MappingLoaderTests : IDisposable
{
    private readonly MappingDirectory mappings = MappingDirectory.CopyOfShipped();

    public void Dispose() => mappings.Dispose();

    [Fact]
    public void The_shipped_mappings_load_without_errors()
    {
        var result = MappingLoader.Load(MappingDirectory.Shipped);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(["contractors.json", "milestones.json", "phrases.json", "routes.json", "systems.json", "templates.json", "values.contractor.json", "values.facility.json", "values.servicedesk.json"], result.Files);
        var mappings = result.Mappings;
        Assert.Equal(["contractor", "facility", "servicedesk"], mappings.Systems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("TopDesk", mappings.Systems["servicedesk"].Adapter);
        Assert.Equal(["servicedesk-to-facility", "facility-to-contractor"], mappings.Routes.Select(r => r.Name));
        Assert.Equal(3, mappings.Contractors.Count);
        Assert.Equal(["nl", "en"], mappings.Templates.Select(t => t.Language));
        Assert.Equal(["nl", "en"], mappings.Phrases.Select(p => p.Language));
        Assert.Equal(["nl", "en"], mappings.Milestones.Select(m => m.Language));
        Assert.Matches("^[0-9a-f]{12}$", mappings.Version);
    }

    [Fact]
    public void Every_shipped_file_points_its_editor_at_the_schema()
    {
        foreach (var file in MappingLoader.MappingFiles(MappingDirectory.Shipped))
        {
            var firstLines = string.Join(' ', File.ReadLines(file).Take(2)).Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.StartsWith("{\"$schema\":\"./hub-mappings.schema.json\"", firstLines, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_loader_validates_against_the_schema_shipped_for_editors()
    {
        var shipped = File.ReadAllText(Path.Combine(MappingDirectory.Shipped, MappingLoader.SchemaFileName));

        Assert.Equal(shipped, MappingLoader.SchemaText);
    }

    [Fact]
    public void A_file_that_is_not_json_is_reported_with_its_line()
    {
        mappings.Edit("routes.json", "\"role\": \"facility\",", "\"role\": \"facility\",,");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.InvalidJson, "routes.json", "$");

        Assert.Equal(9, error.Line);
        Assert.Contains("line 9", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_in_a_file_is_invalid_json_as_the_editor_says()
    {
        mappings.Edit("systems.json", "\"systems\": [", "// the chain\n  \"systems\": [");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.InvalidJson, "systems.json", "$");
    }

    [Fact]
    public void An_unknown_canonical_status_names_the_entry_and_suggests_the_right_one()
    {
        mappings.Edit("values.servicedesk.json", "\"canonical\": \"InProgress\"", "\"canonical\": \"InProgres\"");

        var error = MappingLoader.Load(mappings.Path)
            .SingleError(MappingErrorKind.UnknownCanonicalValue, "values.servicedesk.json", "$.valueMaps[0].values[1].canonical");

        Assert.Contains("'InProgres'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'InProgress'?", error.Fix, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void An_unknown_canonical_priority_is_an_error()
    {
        mappings.Edit("values.facility.json", "\"canonical\": \"Low\"", "\"canonical\": \"Lowest\"");

        MappingLoader.Load(mappings.Path)
            .SingleError(MappingErrorKind.UnknownCanonicalValue, "values.facility.json", "$.valueMaps[1].values[3].canonical");
    }

    [Fact]
    public void Canonical_names_in_another_case_are_read_as_the_hub_spells_them()
    {
        mappings.Edit("values.contractor.json", "\"canonical\": \"Resolved\"", "\"canonical\": \"resolved\"");

        var result = MappingLoader.Load(mappings.Path);

        Assert.True(result.Succeeded, result.Describe());
        Assert.True(result.Mappings.TryMapInbound("contractor", "status", "done", out var canonical));
        Assert.Equal("Resolved", canonical);
    }

    [Fact]
    public void A_route_to_an_undeclared_system_is_an_error_that_suggests_the_declared_one()
    {
        mappings.Edit("routes.json", "\"to\": \"facility\"", "\"to\": \"facilty\"");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownSystem, "routes.json", "$.routes[0].to");

        Assert.Contains("'facilty'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'facility'?", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_map_for_an_undeclared_system_is_an_error()
    {
        mappings.Edit("values.contractor.json", "\"system\": \"contractor\"", "\"system\": \"plumber\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownSystem, "values.contractor.json", "$.valueMaps[0].system");
    }

    [Fact]
    public void A_property_written_twice_in_one_object_is_a_duplicate_key()
    {
        mappings.Edit("contractors.json", "\"id\": \"installateur\",", "\"id\": \"installateur\",\n      \"id\": \"verwarming\",");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.DuplicateProperty, "contractors.json", "$.contractors[1].id");

        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Two_inbound_entries_for_one_system_value_are_a_duplicate_key()
    {
        mappings.Edit("values.contractor.json", "{ \"value\": \"done\", \"canonical\": \"Resolved\" }", "{ \"value\": \"done\", \"canonical\": \"Resolved\" },\n        { \"value\": \"Done\", \"canonical\": \"Closed\" }");

        var error = MappingLoader.Load(mappings.Path)
            .SingleError(MappingErrorKind.DuplicateInboundValue, "values.contractor.json", "$.valueMaps[0].values[3].value");

        Assert.Contains("$.valueMaps[0].values[2]", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_outbound_entries_for_one_canonical_value_are_a_duplicate_key_even_across_files()
    {
        mappings.Write("values.extra.json", """
            {
              "$schema": "./hub-mappings.schema.json",
              "valueMaps": [
                { "system": "servicedesk", "field": "status", "values": [ { "value": "Vervallen", "canonical": "Cancelled", "direction": "outbound" } ] }
              ]
            }
            """);

        var error = MappingLoader.Load(mappings.Path)
            .SingleError(MappingErrorKind.DuplicateOutboundValue, "values.servicedesk.json", "$.valueMaps[0].values[7].canonical");

        Assert.Contains("values.extra.json $.valueMaps[0].values[0]", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_routes_with_one_name_are_a_duplicate_key()
    {
        mappings.Edit("routes.json", "\"name\": \"facility-to-contractor\"", "\"name\": \"servicedesk-to-facility\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.DuplicateRoute, "routes.json", "$.routes[1].name");
    }

    [Fact]
    public void Two_contractors_with_one_id_are_a_duplicate_key()
    {
        mappings.Edit("contractors.json", "\"id\": \"elektricien\"", "\"id\": \"Loodgieter\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.DuplicateContractor, "contractors.json", "$.contractors[2].id");
    }

    [Fact]
    public void Two_contractors_claiming_one_subcategory_are_a_conflict()
    {
        mappings.Edit("contractors.json", "\"subcategories\": [ \"Elektra\" ]", "\"subcategories\": [ \"Elektra\", \"Sanitair\" ]");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.ContractorConflict, "contractors.json", "$.contractors[2].subcategories[1]");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        mappings.Edit("routes.json", "\"to\": \"contractor\",", string.Empty);

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.MissingRequiredField, "routes.json", "$.routes[1].to");

        Assert.Contains("'to'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("$.routes[1]", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_the_schema_lists_what_is_allowed()
    {
        mappings.Edit("routes.json", "\"status\": { \"direction\": \"up\", \"owner\": \"facility\" }", "\"status\": { \"direction\": \"upwards\", \"owner\": \"facility\" }");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "routes.json", "$.routes[0].fields.status.direction");

        Assert.Contains("'upwards'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("down, up, both, none", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_property_is_unknown_and_the_known_one_is_suggested()
    {
        mappings.Edit("routes.json", "\"contractorBy\"", "\"contractorby\"");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownProperty, "routes.json", "$.routes[1].contractorby");

        Assert.Contains("Did you mean 'contractorBy'?", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_where_a_list_belongs_is_a_schema_violation()
    {
        mappings.Edit("contractors.json", "\"senders\": [ \"loodgieter@contractor.example\" ]", "\"senders\": \"loodgieter@contractor.example\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "contractors.json", "$.contractors[0].senders");
    }

    [Fact]
    public void A_route_field_the_hub_does_not_know_is_an_error()
    {
        mappings.Edit("routes.json", "\"resolution\": { \"direction\": \"up\", \"owner\": \"contractor\" }", "\"solution\": { \"direction\": \"up\", \"owner\": \"contractor\" }");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownRouteField, "routes.json", "$.routes[1].fields.solution");

        Assert.Contains("Did you mean 'resolution'?", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_that_is_neither_end_of_the_route_is_an_error()
    {
        mappings.Edit("routes.json", "\"appointment\": { \"direction\": \"up\", \"owner\": \"facility\" }", "\"appointment\": { \"direction\": \"up\", \"owner\": \"contractor\" }");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.OwnerNotOnRoute, "routes.json", "$.routes[0].fields.appointment.owner");

        Assert.Contains("\"servicedesk\" or \"facility\"", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_map_may_not_pass_unknown_values_through()
    {
        mappings.Edit("values.contractor.json", "\"field\": \"status\",", "\"field\": \"status\",\n      \"unmapped\": \"passThrough\",");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.PassThroughNotAllowed, "values.contractor.json", "$.valueMaps[0].unmapped");
    }

    [Fact]
    public void A_template_placeholder_the_hub_does_not_fill_is_an_error()
    {
        mappings.Edit("templates.json", "\"Waar: {{location}}\"", "\"Waar: {{locatie}}\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownPlaceholder, "templates.json", "$.templates[0].body");
    }

    [Fact]
    public void A_template_subject_without_the_order_token_is_an_error()
    {
        mappings.Edit("templates.json", "\"Work order [{{token}}]: {{title}}\"", "\"Work order: {{title}}\"");

        MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.TokenMissingFromSubject, "templates.json", "$.templates[1].subject");
    }

    [Fact]
    public void Errors_in_several_files_are_all_reported_at_once()
    {
        mappings.Edit("routes.json", "\"from\": \"facility\"", "\"from\": 7");
        mappings.Write("phrases.json", "{ \"phrases\": [ ");

        var result = MappingLoader.Load(mappings.Path);

        Assert.Equal(["phrases.json", "routes.json"], result.Errors.Select(e => e.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_error_reads_as_file_line_path_problem_and_fix()
    {
        mappings.Edit("routes.json", "\"to\": \"facility\"", "\"to\": \"facilty\"");

        var text = MappingLoader.Load(mappings.Path).Errors.Single().ToString();

        Assert.StartsWith("routes.json:8 $.routes[0].to: Route target 'facilty' is not declared", text, StringComparison.Ordinal);
        Assert.Contains(" Fix: Declare it under \"systems\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_a_list_instead_of_an_object_is_a_schema_violation()
    {
        mappings.Write("routes.json", "[ { \"name\": \"servicedesk-to-facility\" } ]");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "routes.json", "$");

        Assert.Contains("found a list", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_mapping_files_is_reported()
    {
        using var empty = MappingDirectory.Empty();
        empty.Write(MappingLoader.SchemaFileName, MappingLoader.SchemaText);

        var error = Assert.Single(MappingLoader.Load(empty.Path).Errors);

        Assert.Equal(MappingErrorKind.NoMappingFiles, error.Kind);
    }

    [Fact]
    public void A_missing_directory_is_reported()
    {
        var error = Assert.Single(MappingLoader.Load(Path.Combine(mappings.Path, "nowhere")).Errors);

        Assert.Equal(MappingErrorKind.DirectoryNotFound, error.Kind);
    }

    [Fact]
    public void The_version_follows_the_content_not_the_layout()
    {
        var original = MappingLoader.Load(mappings.Path).Mappings!.Version;

        mappings.Edit("systems.json", "\"role\": \"servicedesk\",", "\"role\":    \"servicedesk\"   ,");
        var reformatted = MappingLoader.Load(mappings.Path).Mappings!.Version;
        mappings.Edit("systems.json", "\"role\":    \"servicedesk\"", "\"role\": \"helpdesk\"");
        var changed = MappingLoader.Load(mappings.Path).Mappings!.Version;

        Assert.Equal(original, reformatted);
        Assert.NotEqual(original, changed);
    }
}
