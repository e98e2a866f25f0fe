using System.Text;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>
/// The incident's description is the hub's composition of the case (text, location, reporter, the numbers elsewhere)
/// in at most 2,000 characters, which the simulator enforces as Dataverse does: a long text is cut, the references
/// never are, and a change of the text writes the whole composition again.
/// </summary>
public sealed class DescriptionTests : IDisposable
{
    private const string Reference = "References: servicedesk I 2026 042";
    private const string CutMark = "(cut: full text in servicedesk I 2026 042)";
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly DynamicsRig rig = new();

    [Fact]
    public async Task A_ten_thousand_character_request_is_cut_to_fit_keeps_its_references_and_says_it_was_cut()
    {
        var request = LongRequest(10_000);
        var adapter = rig.CreateAdapter();

        var created = await adapter.CreateAsync(LongCase(request), DynamicsRig.Timeout);

        var description = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        Assert.InRange(description.Length, 1_500, 2_000);
        Assert.StartsWith(request[..1_000], description, StringComparison.Ordinal);
        Assert.Contains(CutMark, description, StringComparison.Ordinal);
        Assert.Contains("Reported by: Jan Jansen, jan@tenant.example", description, StringComparison.Ordinal);
        Assert.EndsWith(Reference, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_fits_is_written_whole_without_a_cut_mark()
    {
        var adapter = rig.CreateAdapter();

        var created = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);

        var description = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        Assert.StartsWith("Water on the floor of the ladies' room.", description, StringComparison.Ordinal);
        Assert.DoesNotContain("(cut", description, StringComparison.Ordinal);
        Assert.EndsWith(Reference, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_employee_adds_to_a_long_request_the_case_keeps_the_original_start_the_reporter_and_the_reference()
    {
        var original = LongRequest(10_000);
        var adapter = rig.CreateAdapter();
        var create = LongCase(original);
        var created = await adapter.CreateAsync(create, DynamicsRig.Timeout);
        var added = "Update 14:05: the water now reaches the corridor.\n\n" + original; // TOPdesk shows the newest request entry first

        await adapter.ApplyAsync(ChangeOfText(create, created, added), DynamicsRig.Timeout);

        var description = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        Assert.True(description.Length <= 2_000, $"{description.Length} characters");
        Assert.StartsWith("Update 14:05: the water now reaches the corridor.", description, StringComparison.Ordinal);
        Assert.Contains(original[..500], description, StringComparison.Ordinal);
        Assert.Contains(CutMark, description, StringComparison.Ordinal);
        Assert.Contains("Location: Utrecht Central, Tower B, 3, 3.14", description, StringComparison.Ordinal);
        Assert.Contains("Reported by: Jan Jansen, jan@tenant.example", description, StringComparison.Ordinal);
        Assert.EndsWith(Reference, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_employee_adds_to_a_short_request_the_case_holds_both_and_the_same_footer_as_at_create()
    {
        var adapter = rig.CreateAdapter();
        var create = rig.NewCase(DynamicsRig.NewKey());
        var created = await adapter.CreateAsync(create, DynamicsRig.Timeout);
        var atCreate = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        var added = "The caretaker closed the main valve.\n\nWater on the floor of the ladies' room.";

        await adapter.ApplyAsync(ChangeOfText(create, created, added), DynamicsRig.Timeout);

        var description = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        Assert.StartsWith(added, description, StringComparison.Ordinal);
        Assert.DoesNotContain("(cut", description, StringComparison.Ordinal);
        Assert.EndsWith(atCreate["Water on the floor of the ladies' room.".Length..], description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(198, "\U0001F6BD")] // a surrogate pair across the 199th character, where "…" goes
    [InlineData(194, "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")] // a ZWJ family across it
    public async Task A_title_with_an_emoji_across_the_cut_is_written_on_whole_characters(int at, string emoji)
    {
        var title = new string('x', at) + emoji + " in the ladies' room";
        var adapter = rig.CreateAdapter();

        var created = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey(), title), DynamicsRig.Timeout);

        var row = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!;
        Assert.True(row.Title.Length <= 200, $"{row.Title.Length} characters");
        Assert.Equal(new string('x', at) + "…", row.Title);
        Assert.Null(Record.Exception(() => Strict.GetByteCount(row.Description!)));
        Assert.StartsWith(title, row.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_request_with_an_emoji_across_the_cut_is_written_on_whole_characters()
    {
        var adapter = rig.CreateAdapter();
        var request = string.Concat(Enumerable.Repeat("Water \U0001F6BD\U0001F468\u200D\U0001F469\u200D\U0001F467 ", 800));

        var created = await adapter.CreateAsync(LongCase(request), DynamicsRig.Timeout);

        var description = rig.Simulator.FindCase(Guid.Parse(created.ExternalId))!.Description!;
        Assert.Null(Record.Exception(() => Strict.GetByteCount(description)));
        var body = description[..description.IndexOf('…', StringComparison.Ordinal)];
        Assert.StartsWith(body, request, StringComparison.Ordinal);
        Assert.Contains(body.Length, System.Globalization.StringInfo.ParseCombiningCharacters(request));
        Assert.EndsWith(Reference, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_longer_than_Dynamics_holds_is_cut_on_whole_characters_and_never_inside_an_escape()
    {
        var adapter = rig.CreateAdapter();
        var created = await adapter.CreateAsync(rig.NewCase(DynamicsRig.NewKey()), DynamicsRig.Timeout);
        var text = new string('x', 13) + string.Concat(Enumerable.Repeat("Pipes & valves \U0001F6BD ", 6_000)); // 108,013 characters, 174,013 escaped (the emoji as &#128701;)

        await adapter.ApplyAsync(new ApplyChangeCommand
        {
            CaseId = "HUB-2026-000042", ExternalId = created.ExternalId, Kind = ChangeKind.CommentAdded,
            Comment = new CaseComment(text, IsPublic: true, Author: "Loodgieter Jansen"),
        }, DynamicsRig.Timeout);

        var note = Assert.Single(rig.Simulator.NotesOn(Guid.Parse(created.ExternalId))).NoteText!;
        Assert.InRange(note.Length, 99_000, 100_000);
        Assert.Null(Record.Exception(() => Strict.GetByteCount(note)));
        Assert.EndsWith("…", note, StringComparison.Ordinal);
        Assert.StartsWith(System.Net.WebUtility.HtmlDecode(note[..^1]), text, StringComparison.Ordinal); // a cut "&am" would not decode to the text
    }

    public void Dispose() => rig.Dispose();

    private CreateRecordCommand LongCase(string request)
    {
        var command = rig.NewCase(DynamicsRig.NewKey());
        return command with { Fields = command.Fields with { Description = request } };
    }

    /// <summary>The change the engine sends when the case's text changed: the new text, the whole case and the records before this one.</summary>
    private static ApplyChangeCommand ChangeOfText(CreateRecordCommand create, RecordReference created, string text) => new()
    {
        CaseId = create.CaseId,
        ExternalId = created.ExternalId,
        Kind = ChangeKind.FieldsChanged,
        Fields = new CaseFields { Description = text },
        WholeCase = create.Fields with { Description = text },
        UpstreamRecords = create.UpstreamRecords,
    };

    private static string LongRequest(int length)
    {
        var text = new StringBuilder("Since Monday the toilet on the 3rd floor overflows every morning. ");
        for (var n = 1; text.Length < length; n++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Observation {n}: water again near the sink, mopped by the cleaner. ");
        }

        return text.ToString(0, length);
    }
}
