using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Simulators.Dynamics;

/// <summary>What the simulated Web API answers.</summary>
internal sealed record SimResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Dataverse writes quotes and apostrophes in messages as they are, not as \u0027.</summary>
    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SimResponse Json(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body.ToJsonString(Writing), headers);

    public static SimResponse NoContent(IReadOnlyDictionary<string, string>? headers = null) => new(204, null, headers);

    public static SimResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, headers);
}
