using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hub.Adapters.TopDesk.Api;

/// <summary>How the hub writes and reads TOPdesk's JSON: camelCase, TOPdesk dates, nothing sent for null.</summary>
internal static class TopDeskJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // an API body, never inlined in a page: keep '+' and 'é' as they are
        };
        options.Converters.Add(new TopDeskDateConverter());
        options.MakeReadOnly();
        return options;
    }
}
