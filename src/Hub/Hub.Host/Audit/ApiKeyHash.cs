using System.Security.Cryptography;
using System.Text;

namespace Hub.Host.Audit;

/// <summary>The form an API key takes in configuration: the lower-case hex SHA-256 of its UTF-8 text.</summary>
internal static class ApiKeyHash
{
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
