using System.Globalization;
using System.Text;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// Brings text and phrases to one comparable form: lower case, diacritics removed, typographic apostrophes
/// and dashes made plain, so "Gereed", "géreed" and "GEREED" are the same word.
/// </summary>
internal static class ReplyWords
{
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u00B4' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
