namespace Hub.Engine.Tests.Journal;

/// <summary>
/// An entry's hash is checked again by every verification for as long as the journal is kept, so the canonical form it
/// is taken over never changes: these hashes were taken by the hub as it was when they were written down (the fields as
/// a JSON array with System.Text.Json's default escaping). Any field's text, escapes and nulls included, counts.
/// </summary>
public sealed class JournalHashEncodingTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static JournalEntry Entry(string? keyId) => new()
    {
        Sequence = 4711,
        At = new DateTimeOffset(2026, 11, 23, 8, 15, 30, 123, TimeSpan.FromHours(1)),
        CaseId = "HUB-2026-000001",
        Kind = "FieldsChanged",
        SourceSystem = "servicedesk",
        SourceRecord = "td-1",
        TargetSystem = "facility",
        TargetRecord = null,
        Before = """{"title":"Toilet <verstopt> & 'nu'"}""",
        After = "Regel 1\nRegel 2\tmet tab, é, € en 😀 \u0001 \\ \"",
        MappingVersion = "3f2a9c",
        Outcome = JournalOutcome.Applied,
        Attempt = 2,
        Error = "",
        Detail = null,
        PreviousHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        KeyId = keyId,
        Hash = "",
    };

    [Fact]
    public void An_unkeyed_entry_hashes_as_it_always_has()
    {
        Assert.Equal("87e7732d3d69c0cc84a31b4fa7f8e8d8fe1a25080deacdcbb11bd110ddf39654", JournalHash.Compute(Entry(null)));
    }

    [Fact]
    public void A_signed_entry_hashes_as_it_always_has()
    {
        var key = new JournalKey(KeyBytes);

        Assert.Equal("23f9d018bcafb8a93fd1306f306e7bac07c311558d23dbef5b8bd704a502c79d", JournalHash.Compute(Entry(key.Id), key));
    }
}
