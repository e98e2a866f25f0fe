namespace Hub.Deploy.Tests;

/// <summary>
/// The Windows service scripts cannot run here (no Windows, no service manager); PowerShell's own parser at least reads
/// them as Windows PowerShell and pwsh would, so a syntax error cannot ship.
/// </summary>
public sealed class PowerShellScriptTests
{
    [PwshTheory]
    [InlineData("install-service.ps1")]
    [InlineData("uninstall-service.ps1")]
    public async Task The_windows_service_script_parses_without_an_error(string script)
    {
        var file = Repository.File("deploy", "windows", script);
        var parse = "$tokens = $null; $errors = $null; " +
            $"[void][System.Management.Automation.Language.Parser]::ParseFile('{file}', [ref]$tokens, [ref]$errors); " +
            "$errors | ForEach-Object { \"$($_.Extent.StartLineNumber): $($_.Message)\" }; exit $errors.Count";

        var result = await ChildProcess.RunAsync(PwshTheoryAttribute.Pwsh!, ["-NoProfile", "-NonInteractive", "-Command", parse], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, $"{script} does not parse: {result}");
    }
}
