namespace Hub.Engine.Tests.Sync;

/// <summary>
/// The outbox row's payload is stored text that outlives the hub that wrote it: a pending row or a dead letter is read
/// by the next version. These pin the bytes this hub writes for an intent and that every form stored so far reads back
/// as the same intent: the current hub's (discriminator first, no layout), the same JSON laid out otherwise, and an
/// older hub's adapter command (see <see cref="OutboxIntentTests"/> for those sent end to end).
/// </summary>
public sealed class OutboxPayloadFormatTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    private static readonly CreateIntent Create = new()
    {
        CaseId = "HUB-2026-000001",
        Target = "facility",
        CorrelationKey = "HUB-2026-000001",
        Fields = new CaseFields
        {
            Title = "Toilet verstopt 2e verdieping <\"spoed\"> & 'nu'",
            Description = "Regel 1\nRegel 2\tmet tab, é, € en 😀",
            Status = CaseStatus.New,
            Priority = CasePriority.High,
            Category = "Facilitair",
            Location = new CaseLocation("Hoofdkantoor", "B", "2", null),
            Reporter = new CaseReporter("J. de Vries", "j.devries@example.org", null),
            TargetDate = Monday.AddDays(2),
            Appointment = new AppointmentWindow(Monday, Monday.AddHours(3)),
        },
        TargetValues = new Dictionary<string, string> { ["status"] = "1", ["priority"] = "1" },
        Parameters = new Dictionary<string, string> { ["customer"] = "accounts(00000000-0000-0000-0000-000000000001)" },
        MappingVersion = "3f2a9c",
    };

    private static readonly ChangeIntent Comment = new()
    {
        CaseId = "HUB-2026-000001",
        Target = "servicedesk",
        Kind = ChangeKind.CommentAdded,
        Comment = new CaseComment("Monteur komt dinsdag 24-11 tussen 08:00 en 11:00", true, null),
        WithWholeCase = false,
    };

    private const string CreateJson =
        """{"intent":"create","correlationKey":"HUB-2026-000001","caseId":"HUB-2026-000001","target":"facility","fields":{"title":"Toilet verstopt 2e verdieping \u003C\u0022spoed\u0022\u003E \u0026 \u0027nu\u0027","description":"Regel 1\nRegel 2\tmet tab, \u00E9, \u20AC en \uD83D\uDE00","status":"New","priority":"High","category":"Facilitair","location":{"site":"Hoofdkantoor","building":"B","floor":"2"},"reporter":{"name":"J. de Vries","email":"j.devries@example.org"},"targetDate":"2026-11-25T08:00:00+01:00","appointment":{"start":"2026-11-23T08:00:00+01:00","end":"2026-11-23T11:00:00+01:00","isValid":true}},"targetValues":{"status":"1","priority":"1"},"parameters":{"customer":"accounts(00000000-0000-0000-0000-000000000001)"},"mappingVersion":"3f2a9c"}""";

    private const string CommentJson =
        """{"intent":"change","kind":"CommentAdded","comment":{"text":"Monteur komt dinsdag 24-11 tussen 08:00 en 11:00","isPublic":true},"withWholeCase":false,"caseId":"HUB-2026-000001","target":"servicedesk","fields":{},"targetValues":{},"parameters":{}}""";

    [Fact]
    public void An_intent_is_stored_as_the_hub_has_always_written_it()
    {
        Assert.Equal(CreateJson, OutboxPayload.Of(Create));
        Assert.Equal(CommentJson, OutboxPayload.Of(Comment));
    }

    [Fact]
    public void A_stored_intent_reads_back_as_the_intent_that_was_queued()
    {
        AssertSame(Create, OutboxPayload.Read(Row(OutboxOperation.Create, "facility", CreateJson)));
        AssertSame(Comment, OutboxPayload.Read(Row(OutboxOperation.Apply, "servicedesk", CommentJson)));
    }

    [Fact]
    public void An_intent_laid_out_otherwise_reads_back_the_same()
    {
        var laidOut = "\n  " + CommentJson.Replace("{\"intent\":\"change\",", "{ \"intent\" : \"change\",\n  ", StringComparison.Ordinal);

        AssertSame(Comment, OutboxPayload.Read(Row(OutboxOperation.Apply, "servicedesk", laidOut)));
    }

    [Fact]
    public void An_older_hubs_command_reads_back_as_the_intent_it_meant()
    {
        const string oldChange =
            """{"caseId":"HUB-2026-000001","externalId":"","kind":"FieldsChanged","fields":{"description":"Het water staat nu ook in de gang."},"targetValues":{},"parameters":{},"upstreamRecords":[]}""";

        var read = Assert.IsType<ChangeIntent>(OutboxPayload.Read(Row(OutboxOperation.Apply, "facility", oldChange)));

        Assert.Equal((ChangeKind.FieldsChanged, "facility", true, null), (read.Kind, read.Target, read.WithWholeCase, read.MappingVersion));
        Assert.Equal("Het water staat nu ook in de gang.", read.Fields.Description);
    }

    private static OutboxCommand Row(string operation, string target, string payload) => new()
    {
        Id = 7, CaseId = "HUB-2026-000001", TargetSystem = target, Operation = operation, Kind = "x", Payload = payload,
        Status = OutboxStatus.Pending, CreatedAt = Monday, NextAttemptAt = Monday,
    };

    /// <summary>Records compare their dictionaries by reference, so the intents are compared as the hub writes them.</summary>
    private static void AssertSame(OutboxIntent expected, OutboxIntent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(OutboxPayload.Of(expected), OutboxPayload.Of(actual));
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.TargetValues, actual.TargetValues);
        Assert.Equal(expected.Parameters, actual.Parameters);
    }
}
