namespace Hub.Engine.Tests.Persistence;

/// <summary>Times are stored as UTC ticks on every provider: exact to the tick, comparable and sortable in SQL.</summary>
public abstract class TimeStorageTests(IDatabaseSource databases)
{
    private static readonly DateTimeOffset Appointment = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1)).AddTicks(9_876_543);

    [Fact]
    public async Task A_case_keeps_its_times_to_the_tick_and_a_query_finds_it_at_that_exact_tick()
    {
        await using var temp = await databases.CreateAsync();
        await using (var db = temp.Database.CreateContext())
        {
            db.Cases.Add(new CaseRecord
            {
                Id = "HUB-2026-000007", OriginSystem = "servicedesk", AppointmentStart = Appointment, AppointmentEnd = Appointment.AddHours(3),
                CreatedAt = Appointment.AddDays(-2), UpdatedAt = Appointment.AddTicks(-1),
            });
            db.Cases.Add(new CaseRecord { Id = "HUB-2026-000008", OriginSystem = "servicedesk", CreatedAt = Appointment, UpdatedAt = Appointment });
            await db.SaveChangesAsync();
        }

        await using var check = temp.Database.CreateContext();
        var stored = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == "HUB-2026-000007");
        var atTheTick = await check.Cases.AsNoTracking()
            .Where(c => c.AppointmentStart >= Appointment && c.AppointmentStart < Appointment.AddTicks(1)).Select(c => c.Id).ToListAsync();
        var byUpdate = await check.Cases.AsNoTracking().OrderByDescending(c => c.UpdatedAt).Select(c => c.Id).ToListAsync();

        Assert.Equal(Appointment.UtcTicks, stored.AppointmentStart!.Value.UtcTicks);
        Assert.Equal(Appointment.AddHours(3), stored.AppointmentEnd);
        Assert.Null(stored.TargetDate);
        Assert.Equal(["HUB-2026-000007"], atTheTick);
        Assert.Equal(["HUB-2026-000008", "HUB-2026-000007"], byUpdate); // one tick apart, still ordered
    }
}

public sealed class TimeStorageOnSqliteTests() : TimeStorageTests(SqliteTestDatabase.Source);

[Collection(RealPostgresGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class TimeStorageOnPostgresTests(PostgresServer server) : TimeStorageTests(server);
