namespace Hub.Abstractions.Adapters;

/// <summary>
/// One readiness check of a system, as <c>hub check</c> prints it and <c>/health</c> reports it: what was checked
/// ("signed in", "change tracking on incident"), whether it passed, what was found, and on a failure how to fix it.
/// Neither <see cref="Detail"/> nor <see cref="Fix"/> ever holds a secret.
/// </summary>
public sealed record SystemCheck(string Name, bool Passed, string Detail, string? Fix = null)
{
    public static SystemCheck Pass(string name, string detail) => new(name, true, detail);

    public static SystemCheck Fail(string name, string detail, string fix) => new(name, false, detail, fix);
}
