using System.Text.RegularExpressions;
using Hub.Core.Adapters;

namespace Hub.Core.Sync;

/// <summary>
/// A NUL character in a system's text (a pasted binary, a broken mail body or error page) never means anything, and
/// PostgreSQL refuses it in text columns, so a change or an error text holding one would fail the write that keeps
/// it there. The hub keeps such text on every provider alike, each NUL shown as U+FFFD.
/// </summary>
internal static partial class NulCharacters
{
    public static string Visible(string text) => text.Replace('\0', '\uFFFD');

    public static ObservedChange MadeVisible(ObservedChange change)
    {
        var json = SyncJson.Serialize(change);
        return json.Contains(@"\u0000", StringComparison.Ordinal)
            ? SyncJson.Deserialize<ObservedChange>(EscapedNul().Replace(json, @"$1\uFFFD"))
            : change;
    }

    /// <summary>The JSON escape of NUL, not a literal backslash followed by "u0000" (an even run of backslashes before it).</summary>
    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u0000")]
    private static partial Regex EscapedNul();
}
