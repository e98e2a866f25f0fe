namespace Hub.Abstractions.Model;

/// <summary>
/// Names of the fields whose values are translated by the JSON value maps. Adapters report these
/// as the system's own raw values; the engine translates them both ways. The same names are route field names
/// (<c>RouteFieldNames</c>, which takes them from here).
/// </summary>
public static class MappedField
{
    public const string Status = "status";
    public const string Priority = "priority";
    public const string Category = "category";
    public const string Subcategory = "subcategory";

    public static IReadOnlyList<string> All { get; } = [Status, Priority, Category, Subcategory];
}
