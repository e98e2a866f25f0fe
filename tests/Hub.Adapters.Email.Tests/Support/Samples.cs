using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Email.Tests.Support;

/// <summary>Cases and contractors the tests send work orders for.</summary>
internal static class Samples
{
    public const string ContractorId = "plumber";

    public static ContractorMapping Plumber(string email, params string[] senders) => new()
    {
        Id = ContractorId,
        Name = "Loodgietersbedrijf De Vries",
        Email = email,
        Senders = senders,
        Language = "nl",
    };

    public static CreateRecordCommand BlockedToilet(string correlationKey, string title = "Toilet verstopt, 2e verdieping") => new()
    {
        CaseId = correlationKey,
        CorrelationKey = correlationKey,
        Fields = new CaseFields
        {
            Title = title,
            Description = "Het toilet bij de pantry loopt niet meer door.",
            Location = new CaseLocation("Hoofdkantoor", "Gebouw A", "2", "2.14"),
            Reporter = new CaseReporter("Petra Jansen", "petra.jansen@tenant.example", "+31 20 555 0142"),
            TargetDate = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(1)),
        },
        Parameters = new Dictionary<string, string> { ["contractor"] = ContractorId },
        UpstreamRecords = [new CaseLink("HUB-2026-000042", "servicedesk", "a1b2", "I 2026 042", "servicedesk")],
    };

    public static string NewKey() => "HUB-2026-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
