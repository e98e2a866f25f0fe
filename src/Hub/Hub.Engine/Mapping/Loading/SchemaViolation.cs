namespace Hub.Engine.Mapping.Loading;

/// <summary>
/// What a value breaks. The names are JSON Schema's (and NJsonSchema's, which the hub used before), because an error
/// without a message of its own shows the name to the admin: "The value does not fit the schema (NotOneOf)."
/// </summary>
internal enum SchemaViolationKind
{
    PropertyRequired,
    NoAdditionalPropertiesAllowed,
    NotInEnumeration,
    StringExpected,
    ArrayExpected,
    ObjectExpected,
    IntegerExpected,
    NumberExpected,
    BooleanExpected,
    NullExpected,
    NoTypeValidates,
    StringTooShort,
    PatternMismatch,
    EmailExpected,
    TooFewItems,
    TooManyItems,
    NumberTooSmall,
    NumberTooBig,
    NotOneOf,
    ExcludedSchemaValidates,
}

/// <summary>
/// One violation at <paramref name="Path"/>: the value there (null when missing), the property it is about (for a
/// missing or unknown property) and the rule broken (for a property, the object's rule).
/// </summary>
internal sealed record SchemaViolation(SchemaViolationKind Kind, string Path, string? Property, MappingNode? Value, SchemaRule Rule);
