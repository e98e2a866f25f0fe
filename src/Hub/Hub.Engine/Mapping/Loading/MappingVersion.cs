using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Hub.Engine.Mapping.Loading;

/// <summary>A short SHA-256 of the merged files (names and content without layout), so a reformat keeps the version.</summary>
internal static class MappingVersion
{
    public static string Of(IEnumerable<(string File, JToken Tree)> files)
    {
        var merged = new StringBuilder();
        foreach (var (file, tree) in files)
        {
            merged.Append(file).Append('\n').Append(tree.ToString(Formatting.None)).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(merged.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
