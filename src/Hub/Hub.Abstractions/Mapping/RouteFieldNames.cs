using Hub.Abstractions.Model;

namespace Hub.Abstractions.Mapping;

/// <summary>
/// The field names a route's "fields" section may use, as written in the mapping files: every canonical field and the
/// comments. The value-mapped ones are <see cref="MappedField"/>'s names, not a second spelling of them.
/// </summary>
public static class RouteFieldNames
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Status = MappedField.Status;
    public const string Priority = MappedField.Priority;
    public const string Category = MappedField.Category;
    public const string Subcategory = MappedField.Subcategory;
    public const string Location = "location";
    public const string Reporter = "reporter";
    public const string TargetDate = "targetDate";
    public const string Appointment = "appointment";
    public const string Resolution = "resolution";
    public const string Comments = "comments";

    public static IReadOnlyList<string> All { get; } =
        [Title, Description, Status, Priority, Category, Subcategory, Location, Reporter, TargetDate, Appointment, Resolution, Comments];
}
