using System.Security.Cryptography;

namespace Hub.Host.Tests.Audit;

/// <summary>A journal key file as an admin makes one (`openssl rand -base64 32 > journal.key`).</summary>
internal static class JournalKeyFile
{
    /// <summary>Writes a fresh key into the folder and returns its text (base64), which must never show anywhere else.</summary>
    public static string Write(string folder, string name = "journal.key")
    {
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(Path.Combine(folder, name), text + "\n");
        return text;
    }
}
