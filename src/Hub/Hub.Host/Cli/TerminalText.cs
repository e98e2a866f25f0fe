using System.Text;

namespace Hub.Host.Cli;

/// <summary>
/// Text from other systems (titles, errors, details), made safe to print in a terminal table cell: escape sequences
/// (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes, their C1 forms) are removed whole, other C0/C1 controls
/// dropped, line breaks and tabs become a space, and bidi embedding/override/isolate characters, which can reorder
/// a terminal line, are dropped. JSON and CSV output keep the exact text; only table writers use this.
/// </summary>
internal static class TerminalText
{
    private const char Escape = '\u001b';
    private const char Bell = '\u0007';
    private const char StringTerminator = '\u009c';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!text.Any(NeedsCleaning))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Escape && i + 1 < text.Length)
            {
                i = SkipEscape(text, i + 1);
            }
            else if (c == '\u009b')
            {
                i = SkipControlSequence(text, i + 1);
            }
            else if (c is '\u009d' or '\u0090' or '\u0098' or '\u009e' or '\u009f')
            {
                i = SkipString(text, i + 1);
            }
            else
            {
                if (c is '\n' or '\r' or '\t')
                {
                    clean.Append(' ');
                }
                else if (!char.IsControl(c) && !IsBidiControl(c))
                {
                    clean.Append(c);
                }

                i++;
            }
        }

        return clean.ToString();
    }

    private static bool NeedsCleaning(char c) => char.IsControl(c) || IsBidiControl(c);

    /// <summary>Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), and the invisible direction marks.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';

    /// <summary>After ESC: CSI (ESC [), OSC (ESC ]), DCS/SOS/PM/APC strings (ESC P, X, ^, _), or a two-character escape.</summary>
    private static int SkipEscape(string text, int at) => text[at] switch
    {
        '[' => SkipControlSequence(text, at + 1),
        ']' or 'P' or 'X' or '^' or '_' => SkipString(text, at + 1),
        _ => at + 1,
    };

    /// <summary>Parameter and intermediate bytes (0x20–0x3F) up to and including the final byte (0x40–0x7E).</summary>
    private static int SkipControlSequence(string text, int at)
    {
        while (at < text.Length && text[at] is >= ' ' and <= '?')
        {
            at++;
        }

        return at < text.Length && text[at] is >= '@' and <= '~' ? at + 1 : at;
    }

    /// <summary>A string command ends at BEL, ST (ESC \ or U+009C), or the end of the text.</summary>
    private static int SkipString(string text, int at)
    {
        while (at < text.Length)
        {
            var c = text[at];
            if (c is Bell or StringTerminator)
            {
                return at + 1;
            }

            if (c == Escape)
            {
                return at + 1 < text.Length && text[at + 1] == '\\' ? at + 2 : at + 1;
            }

            at++;
        }

        return at;
    }
}
