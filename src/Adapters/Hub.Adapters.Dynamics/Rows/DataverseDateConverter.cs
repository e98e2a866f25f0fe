using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Adapters.Dynamics.Rows;

/// <summary>Writes a date as Dataverse's date-time columns take it: UTC to the second, <c>2026-11-23T08:00:00Z</c>.</summary>
internal sealed class DataverseDateConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
