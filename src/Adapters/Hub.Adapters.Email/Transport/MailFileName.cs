using System.Security.Cryptography;
using System.Text;

namespace Hub.Adapters.Email.Transport;

/// <summary>A file name for a mail, made from its Message-ID so that sending the same mail again replaces the file.</summary>
internal static class MailFileName
{
    public static string For(string? messageId)
    {
        var id = string.IsNullOrEmpty(messageId) ? Guid.NewGuid().ToString("N") : messageId;
        var readable = new string(id.Split('@')[0].Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
        return $"{readable}-{hash}.eml";
    }

    /// <summary>A path in <paramref name="folder"/> for <paramref name="name"/> that no file holds yet.</summary>
    public static string FreePath(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        return path;
    }
}
