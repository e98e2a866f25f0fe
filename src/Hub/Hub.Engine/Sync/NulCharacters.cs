using System.Text.RegularExpressions;
using Hub.Abstractions.Adapters;

namespace Hub.Engine.Sync;

/// <summary>
/// A NUL character in a system's text (a pasted binary, a broken mail body or error page) never means anything, and
/// PostgreSQL refuses it in text columns, so a change or an error text holding one would fail the write that keeps
/// it there; the same holds for half a surrogate pair. The hub keeps such text on every provider alike, each NUL and
/// each lone surrogate shown as U+FFFD.
/// </summary>
internal static partial class NulCharacters
{
    public static string Visible(string text) => text.Replace('\0', '\uFFFD');

    /// <summary>
    /// The change with every NUL and every half of a surrogate pair (half an emoji, e.g. JSON <c>"\ud83d"</c> from a
    /// system) shown as U+FFFD; whole characters stay as they are. The engine's JSON writes a lone surrogate as
    /// U+FFFD already, so reading the change back from it is enough for those.
    /// </summary>
    public static ObservedChange MadeVisible(ObservedChange change)
    {
        var json = SyncJson.Serialize(change);
        var nul = json.Contains(@"\u0000", StringComparison.Ordinal);
        return nul || json.Contains(@"\uFFFD", StringComparison.OrdinalIgnoreCase)
            ? SyncJson.Deserialize<ObservedChange>(nul ? EscapedNul().Replace(json, @"$1\uFFFD") : json)
            : change;
    }

    /// <summary>The JSON escape of NUL, not a literal backslash followed by "u0000" (an even run of backslashes before it).</summary>
    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u0000")]
    private static partial Regex EscapedNul();
}
