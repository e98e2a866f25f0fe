namespace Hub.Engine.Tests.Sync;

/// <summary>A complaint the hub has carried one step: opened from TOPdesk, scheduled by the building manager, "Ingepland" written back to TOPdesk.</summary>
internal static class ScheduledComplaint
{
    /// <summary>An incident opens the case; the building manager schedules it; the hub writes "Ingepland" to TOPdesk.</summary>
    public static async Task OpenAndScheduleAsync(SyncRig rig)
    {
        Assert.Equal(IntakeResult.Opened, await rig.Intake.AcceptAsync("servicedesk", Incident(rig, "1", status: "Geregistreerd", priority: "Hoog", byHub: false), default));
        await rig.DispatchAllDueAsync();
        var facilityCase = Assert.Single(rig.Facility.Created);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var scheduled = new ObservedChange
        {
            ExternalId = "facility-id-001", Version = "f1", Kind = ChangeKind.StatusChanged, OccurredAt = rig.Clock.Now,
            RawValues = new Dictionary<string, string> { [MappedField.Status] = "4" }, Actor = "Building manager",
        };
        Assert.Equal(IntakeResult.Updated, await rig.Intake.AcceptAsync("facility", scheduled, default));
        await rig.DispatchAllDueAsync();
        Assert.Equal("Ingepland", rig.ServiceDesk.Applied.Last().TargetValues[MappedField.Status]);
        Assert.Equal(facilityCase.CorrelationKey, (await rig.ReadAsync(db => db.Cases.AsNoTracking().SingleAsync())).Id);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
    }

    /// <summary>The contractor's reply accepting the work order.</summary>
    public static ObservedChange Accepted(SyncRig rig) => new()
    {
        ExternalId = "contractor-id-001", Version = "reply-1", Kind = ChangeKind.StatusChanged, OccurredAt = rig.Clock.Now,
        Fields = new CaseFields { Status = CaseStatus.Accepted }, Actor = "Loodgieter Jansen",
    };

    public static ObservedChange Incident(SyncRig rig, string version, string status, string priority, bool byHub) =>
        Complaint.Reported("td-1", "I 2026 101", rig.Clock.Now, version) with
        {
            Kind = version == "1" ? ChangeKind.Created : ChangeKind.FieldsChanged,
            RawValues = new Dictionary<string, string>
            {
                [MappedField.Status] = status,
                [MappedField.Priority] = priority,
                [MappedField.Category] = "Facilitair",
                [MappedField.Subcategory] = "Sanitair",
            },
            WrittenByHub = byHub,
            Actor = byHub ? "Hub Integratie" : "Petra de Vries",
        };
}
