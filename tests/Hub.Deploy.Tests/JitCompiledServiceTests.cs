using System.Text.Json;

namespace Hub.Deploy.Tests;

/// <summary>
/// The service runs every method JIT-compiled at its first call rather than the binary's ReadyToRun code, which with
/// tiered compilation off is never replaced: about 30% less CPU per complaint and 10 MB less working set, for a slower
/// start (docs/performance/jit-service.md). The runtime reads DOTNET_ReadyToRun only from the environment (no
/// runtimeconfig form reaches it), so each install sets it for the service's own process, and only there: commands run
/// by hand (`hub trace`, `hub check`) and the container's health check keep the precompiled code and start at once.
/// </summary>
public sealed class JitCompiledServiceTests
{
    [Fact]
    public void The_service_unit_runs_the_hub_without_its_ReadyToRun_code()
    {
        var environment = ServiceEnvironments.Unit();

        Assert.Equal("0", environment.GetValueOrDefault("DOTNET_ReadyToRun"));
    }

    [Fact]
    public async Task The_container_runs_its_hub_without_the_ReadyToRun_code_but_its_health_check_with_it()
    {
        var instructions = await ServiceEnvironments.ImageInstructionsAsync();
        var entrypoint = instructions.Single(line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        var healthCheck = instructions.Single(line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));

        Assert.Equal(["/usr/bin/env", "DOTNET_ReadyToRun=0", "/opt/hub/hub"], JsonSerializer.Deserialize<string[]>(entrypoint["ENTRYPOINT ".Length..]) ?? []);
        Assert.DoesNotContain("DOTNET_ReadyToRun", healthCheck, StringComparison.Ordinal);
        Assert.False((await ServiceEnvironments.ImageAsync()).ContainsKey("DOTNET_ReadyToRun"), "an ENV would reach the health check and every `docker exec` command too");
    }

    [Fact]
    public async Task The_windows_service_is_installed_with_the_setting_in_its_own_environment()
    {
        var script = await File.ReadAllTextAsync(Repository.File("deploy", "windows", "install-service.ps1"));

        Assert.Contains(@"$serviceKey = ""HKLM:\SYSTEM\CurrentControlSet\Services\$serviceName""", script, StringComparison.Ordinal);
        Assert.Contains("'DOTNET_ReadyToRun=0'", script, StringComparison.Ordinal);
        Assert.Contains("Set-ItemProperty -Path $serviceKey -Name Environment -Type MultiString", script, StringComparison.Ordinal);
    }
}
