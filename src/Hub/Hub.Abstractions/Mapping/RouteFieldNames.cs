namespace Hub.Abstractions.Mapping;

/// <summary>The field names a route's "fields" section may use, as written in the mapping files.</summary>
public static class RouteFieldNames
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Status = "status";
    public const string Priority = "priority";
    public const string Category = "category";
    public const string Subcategory = "subcategory";
    public const string Location = "location";
    public const string Reporter = "reporter";
    public const string TargetDate = "targetDate";
    public const string Appointment = "appointment";
    public const string Resolution = "resolution";
    public const string Comments = "comments";

    public static IReadOnlyList<string> All { get; } =
        [Title, Description, Status, Priority, Category, Subcategory, Location, Reporter, TargetDate, Appointment, Resolution, Comments];
}
