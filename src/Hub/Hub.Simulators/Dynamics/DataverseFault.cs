namespace Hub.Simulators.Dynamics;

/// <summary>An error the simulated Dataverse answers with, in its <c>{"error":{"code","message"}}</c> shape.</summary>
internal sealed class DataverseFault(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static DataverseFault BadRequest(string message, string code = "0x80040203") => new(400, code, message);

    public static DataverseFault NotFound(string message) => new(404, string.Empty, message);

    public static DataverseFault PreconditionFailed(string message) => new(412, string.Empty, message);
}
