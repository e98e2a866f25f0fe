using System.Globalization;

namespace Hub.Adapters.TopDesk.Reading;

/// <summary>The FIQL selections the hub sends in <c>GET /incidents?query=</c>.</summary>
internal static class FiqlQuery
{
    /// <summary>Incidents changed at or after the moment, in UTC with a Z (an offset's '+' would need escaping).</summary>
    public static string ModifiedSince(DateTimeOffset since) =>
        "modificationDate=ge=" + since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The incident whose external number is the hub's correlation key.</summary>
    public static string ExternalNumberIs(string correlationKey) => "externalNumber==" + Quote(correlationKey);

    /// <summary>A FIQL string value in double quotes, with backslash escapes for quotes and backslashes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
