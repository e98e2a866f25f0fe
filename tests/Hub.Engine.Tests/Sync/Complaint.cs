namespace Hub.Engine.Tests.Sync;

/// <summary>Changes as the example chain's adapters report them, in each system's own values.</summary>
internal static class Complaint
{
    /// <summary>A blocked toilet reported in the service desk: a facility complaint for the sanitary contractor.</summary>
    public static ObservedChange Reported(string id, string number, DateTimeOffset at, string version = "1") => new()
    {
        ExternalId = id,
        ExternalNumber = number,
        Version = version,
        Kind = ChangeKind.Created,
        OccurredAt = at,
        Fields = new CaseFields { Title = "Toilet verstopt 2e verdieping", Description = "Het toilet bij de kantine loopt over." },
        RawValues = new Dictionary<string, string>
        {
            [MappedField.Status] = "Geregistreerd",
            [MappedField.Priority] = "Hoog",
            [MappedField.Category] = "Facilitair",
            [MappedField.Subcategory] = "Sanitair",
        },
    };

    /// <summary>The contractor's reply that the work is done.</summary>
    public static ObservedChange Done(string workOrderId, DateTimeOffset at) => new()
    {
        ExternalId = workOrderId,
        Version = "reply-done",
        Kind = ChangeKind.Resolved,
        OccurredAt = at,
        RawValues = new Dictionary<string, string> { [MappedField.Status] = "done" },
        Comment = new CaseComment("Sifon vervangen, toilet loopt weer door.", IsPublic: true, Author: "Loodgieter Jansen"),
    };
}
