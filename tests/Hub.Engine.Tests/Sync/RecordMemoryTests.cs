using System.Text.Json.Nodes;

namespace Hub.Engine.Tests.Sync;

/// <summary>
/// The link's memory is stored JSON that nodes of two versions share during a rolling upgrade: the note of what the hub
/// wrote must survive the round trip, and the list of written fields must stay where an earlier node reads it.
/// </summary>
public sealed class RecordMemoryTests
{
    private static readonly DateTimeOffset NotedAt = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_note_survives_the_round_trip_and_only_its_own_read_back_settles_it()
    {
        var memory = RecordMemory.Parse(null);
        memory.Read(new Dictionary<string, string> { ["status"] = "ingepland" }, showsHubWrite: true, NotedAt.AddMinutes(-5));
        memory.Writes(new Dictionary<string, string?> { ["status"] = "in-behandeling" }, NotedAt);

        var stored = RecordMemory.Parse(memory.ToJson());
        stored.Read(new Dictionary<string, string> { ["status"] = "ingepland" }, showsHubWrite: true, NotedAt.AddSeconds(-1));
        Assert.True(stored.Written.ContainsKey("status"));
        stored.Read(new Dictionary<string, string> { ["status"] = "in-behandeling" }, showsHubWrite: true, NotedAt.AddSeconds(-1));
        Assert.Empty(stored.Written);
    }

    [Fact]
    public void The_written_fields_stay_a_list_of_names_beside_their_notes()
    {
        var memory = RecordMemory.Parse(null);
        memory.Writes(new Dictionary<string, string?> { ["status"] = "in-behandeling", ["title"] = null }, NotedAt);

        var json = JsonNode.Parse(memory.ToJson())!;

        Assert.Equal(["status", "title"], json["written"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("in-behandeling", json["notes"]!["status"]!["value"]!.GetValue<string>());
        Assert.Null(json["notes"]!["title"]!["value"]);
    }

    [Fact]
    public void A_memory_stored_by_an_earlier_version_settles_its_written_fields_on_any_read_back_as_it_did()
    {
        var memory = RecordMemory.Parse("""{"seen":{"status":"geregistreerd"},"written":["status"]}""");

        memory.Read(new Dictionary<string, string> { ["status"] = "ingepland" }, showsHubWrite: true, NotedAt);

        Assert.Empty(memory.Written);
        Assert.Equal("ingepland", memory.Seen["status"]);
    }

    [Fact]
    public void A_reading_not_by_the_hub_settles_nothing()
    {
        var memory = RecordMemory.Parse(null);
        memory.Writes(new Dictionary<string, string?> { ["status"] = "in-behandeling" }, NotedAt);

        memory.Read(new Dictionary<string, string> { ["status"] = "in-behandeling" }, showsHubWrite: false, NotedAt.AddMinutes(1));

        Assert.True(memory.Written.ContainsKey("status"));
    }
}
