using System.Security.Cryptography;
using System.Text;

namespace Hub.Engine.Mapping.Loading;

/// <summary>A short SHA-256 of the merged files (names and content without layout), so a reformat keeps the version.</summary>
internal static class MappingVersion
{
    public static string Of(IEnumerable<(string File, MappingNode Tree)> files)
    {
        var merged = new StringBuilder();
        foreach (var (file, tree) in files)
        {
            merged.Append(file).Append('\n');
            CompactJson.Append(merged, tree);
            merged.Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(merged.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
