using System.Globalization;
using System.Text;
using Hub.Abstractions.Model;

namespace Hub.Engine.Tests.Model;

public sealed class TextCutTests
{
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"; // 👨‍👩‍👧‍👦, 11 UTF-16 units
    private const string Flag = "\U0001F1F3\U0001F1F1"; // 🇳🇱, two regional indicators
    private const string ThumbsUpMedium = "\U0001F44D\U0001F3FD"; // 👍🏽, emoji + skin tone
    private const string Shalom = "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD"; // שָׁלוֹם, letters with points
    private const string Cafe = "Cafe\u0301"; // "Café" with a combining acute accent

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(Family)]
    [InlineData(Flag)]
    [InlineData(ThumbsUpMedium)]
    [InlineData("\U0001F6BD")] // 🚽, one surrogate pair
    public void An_emoji_straddling_the_limit_is_left_out_whole(string emoji)
    {
        var text = new string('x', 78) + emoji + " lekt";

        var cut = TextCut.Shorten(text, 80);

        Assert.Equal(new string('x', 78) + "…", cut);
        AssertWellFormed(cut);
    }

    [Fact]
    public void An_emoji_that_fits_before_the_mark_is_kept_whole()
    {
        var text = new string('x', 70) + Family + " en nog veel meer tekst";

        var cut = TextCut.Shorten(text, 82);

        Assert.Equal(new string('x', 70) + Family + "…", cut);
    }

    [Fact]
    public void A_letter_keeps_its_combining_mark()
    {
        var text = new string('x', 75) + Cafe + " is gesloten";

        var cut = TextCut.Shorten(text, 80);

        Assert.Equal(new string('x', 75) + "Caf…", cut); // the "e" goes with its accent, not without it
    }

    [Fact]
    public void Right_to_left_text_is_cut_between_letters_never_between_a_letter_and_its_points()
    {
        var text = string.Concat(Enumerable.Repeat(Shalom + " ", 20));

        for (var limit = 4; limit < text.Length; limit++) // from the first letter with its points and the mark
        {
            var cut = TextCut.Shorten(text, limit);
            Assert.True(cut.Length <= limit, $"limit {limit}: {cut.Length} characters");
            Assert.EndsWith("…", cut, StringComparison.Ordinal);
            var kept = cut[..^1];
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            Assert.True(kept.Length == 0 || IsTextElementBoundary(text, kept.Length) || char.IsWhiteSpace(text[kept.Length]),
                $"limit {limit}: cut at {kept.Length}, inside a letter with its points");
        }
    }

    [Fact]
    public void Every_limit_cuts_a_mixed_text_on_a_whole_character_within_the_limit()
    {
        var text = $"Lekkage {Family} bij {Flag} de meterkast {ThumbsUpMedium} {Cafe} {Shalom} \0 einde \U0001F6BD\U0001F6BD";

        for (var limit = 1; limit <= text.Length + 1; limit++)
        {
            var cut = TextCut.Shorten(text, limit);
            var head = TextCut.Head(text, limit);

            AssertWellFormed(cut);
            AssertWellFormed(head);
            Assert.True(cut.Length <= limit, $"limit {limit}: {cut.Length} characters");
            Assert.True(head.Length <= limit, $"limit {limit}: {head.Length} characters");
            Assert.StartsWith(head, text, StringComparison.Ordinal);
            Assert.True(IsTextElementBoundary(text, head.Length), $"limit {limit}: the head ends inside a character");
            if (limit >= text.Length)
            {
                Assert.Same(text, cut);
                Assert.Same(text, head);
            }
            else
            {
                Assert.EndsWith("…", cut, StringComparison.Ordinal);
                Assert.StartsWith(cut[..^1], text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_nul_character_counts_as_one_and_is_kept_as_it_is()
    {
        var text = "ab\0cdef";

        Assert.Equal("ab\0…", TextCut.Shorten(text, 4));
        Assert.Equal("ab\0", TextCut.Head(text, 3));
    }

    [Fact]
    public void A_single_character_longer_than_the_limit_is_cut_on_whole_code_points()
    {
        var zalgo = "a" + new string('\u0301', 300) + " rest";

        var cut = TextCut.Shorten(zalgo, 80);

        Assert.Equal(80, cut.Length);
        Assert.Equal("a" + new string('\u0301', 78) + "…", cut);
    }

    [Fact]
    public void An_emoji_longer_than_the_room_left_gives_just_the_mark()
    {
        Assert.Equal("…", TextCut.Shorten(Family + "x", 2));
        Assert.Equal("…", TextCut.Shorten("\U0001F6BD\U0001F6BD", 1));
        Assert.Equal(string.Empty, TextCut.Head("\U0001F6BD", 1));
    }

    [Fact]
    public void Space_before_the_mark_is_dropped()
    {
        Assert.Equal("Lekkage…", TextCut.Shorten("Lekkage     bij de meterkast", 12));
    }

    [Fact]
    public void The_fitting_length_of_text_that_fits_is_its_length()
    {
        Assert.Equal(5, TextCut.FitLength("Lekke", 5));
        Assert.Equal(0, TextCut.FitLength(string.Empty, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextCut.Shorten("x", 0));
    }

    private static bool IsTextElementBoundary(string text, int index) =>
        index == 0 || index == text.Length || StringInfo.GetTextElementEnumerator(text) is var e && Boundaries(e).Contains(index);

    private static HashSet<int> Boundaries(TextElementEnumerator e)
    {
        var set = new HashSet<int>();
        while (e.MoveNext())
        {
            set.Add(e.ElementIndex);
        }

        return set;
    }

    private static void AssertWellFormed(string text)
    {
        var ex = Record.Exception(() => Strict.GetByteCount(text));
        Assert.True(ex is null, $"'{text}' holds a lone surrogate");
    }
}
