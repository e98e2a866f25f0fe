using System.Text.Json.Nodes;

namespace Hub.Simulators.TopDesk;

/// <summary>A refusal of the simulated API: a status code and an error body in one of TOPdesk's two shapes.</summary>
internal sealed class TopDeskApiError : Exception
{
    public TopDeskApiError(int status, string message, TopDeskErrorShape shape = TopDeskErrorShape.MessageList, string? field = null, string errorCode = "invalid_request")
        : base(message)
    {
        Status = status;
        Body = BodyOf(shape, message, field, errorCode);
    }

    public TopDeskApiError()
        : this(500, "Internal server error")
    {
    }

    public TopDeskApiError(string message)
        : this(500, message)
    {
    }

    public TopDeskApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Body = BodyOf(TopDeskErrorShape.MessageList, message, null, "internal");
    }

    public int Status { get; }
    public string Body { get; }

    public static string BodyOf(TopDeskErrorShape shape, string message, string? field, string errorCode) => shape switch
    {
        TopDeskErrorShape.ErrorsObject => new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["errorCode"] = errorCode,
                ["appliesTo"] = field is null ? new JsonArray() : new JsonArray(field),
                ["errorMessage"] = message,
            }),
        }.ToJsonString(),
        _ => new JsonArray(new JsonObject { ["message"] = message }).ToJsonString(),
    };
}
