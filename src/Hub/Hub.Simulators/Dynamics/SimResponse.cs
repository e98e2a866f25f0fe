using System.Text.Json.Nodes;

namespace Hub.Simulators.Dynamics;

/// <summary>What the simulated Web API answers.</summary>
internal sealed record SimResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SimResponse Json(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body.ToJsonString(), headers);

    public static SimResponse NoContent(IReadOnlyDictionary<string, string>? headers = null) => new(204, null, headers);

    public static SimResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, headers);
}
