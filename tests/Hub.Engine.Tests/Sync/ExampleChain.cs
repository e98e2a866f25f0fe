namespace Hub.Engine.Tests.Sync;

/// <summary>Steps of the example chain the intake tests build on: one complaint reported and sent down the chain.</summary>
internal static class ExampleChain
{
    public const string CaseId = "HUB-2026-000001";
    public const string FacilityCase = "facility-id-001";
    public const string WorkOrder = "contractor-id-001";

    /// <summary>The service desk reports the blocked toilet; the building manager and the contractor get their records.</summary>
    public static async Task ReportedAndSentAsync(SyncRig rig)
    {
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now), default));
        await rig.DispatchAllDueAsync();
        Assert.Single(rig.Facility.Created);
        Assert.Single(rig.Contractor.Created);
    }

    /// <summary>A snapshot of the building manager's Dynamics case with the given statuscode.</summary>
    public static ObservedChange FacilityStatus(string version, string statusCode, DateTimeOffset at) => new()
    {
        ExternalId = FacilityCase, ExternalNumber = "FACILITY-001", Version = version, Kind = ChangeKind.StatusChanged, OccurredAt = at,
        RawValues = new Dictionary<string, string> { [MappedField.Status] = statusCode }, Actor = "Building manager",
    };

    /// <summary>A reply of the contractor to the work order, with the status word it carries.</summary>
    public static ObservedChange Reply(string version, string status, DateTimeOffset at, string? words = null) => new()
    {
        ExternalId = WorkOrder, Version = version, Kind = ChangeKind.StatusChanged, OccurredAt = at,
        RawValues = new Dictionary<string, string> { [MappedField.Status] = status },
        Comment = words is null ? null : new CaseComment(words, IsPublic: true, Author: "Loodgieter Jansen"),
        Actor = "Loodgieter Jansen",
    };
}
