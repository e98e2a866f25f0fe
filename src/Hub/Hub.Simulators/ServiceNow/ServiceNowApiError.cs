using System.Text.Json.Nodes;

namespace Hub.Simulators.ServiceNow;

/// <summary>An error the Table API answers with, in its shape: <c>{"error":{"message","detail"},"status":"failure"}</c>.</summary>
internal sealed class ServiceNowApiError(int status, string message, string? detail = null) : Exception(BodyOf(message, detail))
{
    public int Status => status;

    public string Body => Message;

    public static string BodyOf(string message, string? detail) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["detail"] = detail },
        ["status"] = "failure",
    }.ToJsonString();
}
