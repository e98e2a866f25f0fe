using Hub.Engine.Mapping;

namespace Hub.Engine.Tests.Mapping;

/// <summary>Schema violations the loader tests do not reach, each with the message the admin reads.</summary>
public sealed class SchemaMessageTests : IDisposable
{
    private readonly MappingDirectory mappings = MappingDirectory.CopyOfShipped();

    public void Dispose() => mappings.Dispose();

    [Fact]
    public void A_value_after_emoji_and_right_to_left_text_on_its_line_is_reported_at_that_line()
    {
        mappings.Edit("routes.json", "\"to\": \"facility\",", "\"description\": \"🚽 שלום \\u0000 é\", \"to\": \"facilty\",");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.UnknownSystem, "routes.json", "$.routes[0].to");

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void A_week_of_six_days_names_the_count_and_the_purpose()
    {
        mappings.Edit("phrases.json", "\"zaterdag|za\", ", string.Empty);

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "phrases.json", "$.phrases[0].weekdays");

        Assert.Equal("The list has 6 item(s); it needs exactly 7.", error.Problem);
        Assert.Equal("Give the list exactly 7 item(s) (The seven weekday names, Monday first).", error.Fix);
        Assert.Equal(12, error.Line);
    }

    [Fact]
    public void A_language_in_capitals_is_told_how_language_codes_are_written()
    {
        mappings.Edit("contractors.json", "\"language\": \"nl\"", "\"language\": \"NL\"");

        var errors = MappingLoader.Load(mappings.Path).Errors;

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("'NL' is not written the way this field needs.", e.Problem));
        Assert.All(errors, e => Assert.Equal("Use a two-letter lower-case language code, e.g. \"nl\" or \"en\".", e.Fix));
    }

    [Fact]
    public void An_address_without_a_domain_is_not_an_email_address()
    {
        mappings.Edit("contractors.json", "\"loodgieter@contractor.example\",", "\"loodgieter\",");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "contractors.json", "$.contractors[0].email");

        Assert.Equal("'loodgieter' is not an e-mail address.", error.Problem);
    }

    [Fact]
    public void A_body_that_is_a_number_is_neither_text_nor_lines()
    {
        var templates = mappings.Read("templates.json");
        var start = templates.IndexOf("\"body\": [", StringComparison.Ordinal);
        var end = templates.IndexOf(']', start);
        mappings.Write("templates.json", string.Concat(templates.AsSpan(0, start), "\"body\": 5", templates.AsSpan(end + 1)));

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "templates.json", "$.templates[0].body");

        Assert.Equal("Expected text, or a list of lines of text, found 5.", error.Problem);
    }

    [Fact]
    public void An_expected_time_in_both_days_and_hours_fits_neither_choice()
    {
        mappings.Edit("routes.json", "{ \"workingHours\": 4,", "{ \"workingHours\": 4, \"workingDays\": 1,");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "routes.json", "$.routes[0].expectedWithin");

        Assert.Equal("The value does not fit the schema (NotOneOf).", error.Problem);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void Hours_as_a_fraction_are_not_a_whole_number()
    {
        mappings.Edit("routes.json", "{ \"workingHours\": 4,", "{ \"workingHours\": 4.5,");

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.SchemaViolation, "routes.json", "$.routes[0].expectedWithin.workingHours");

        Assert.Equal("The value does not fit the schema (IntegerExpected).", error.Problem);
    }

    [Fact]
    public void A_missing_required_field_of_a_list_item_names_its_purpose()
    {
        mappings.Edit("systems.json", "\"role\": \"facility\",", string.Empty);

        var error = MappingLoader.Load(mappings.Path).SingleError(MappingErrorKind.MissingRequiredField, "systems.json", "$.systems[1].role");

        Assert.Equal("Add \"role\" to the object at $.systems[1] (The part the system plays in the chain, e.g. \"servicedesk\", \"facility\", \"contractor\").", error.Fix);
        Assert.Equal(11, error.Line);
    }
}
