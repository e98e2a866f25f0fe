using Hub.Host.Tests.Cli;

namespace Hub.Host.Tests.Packaging;

/// <summary>
/// What the running service maps into memory (/proc/&lt;pid&gt;/maps of the real `hub run`, with three systems on
/// simulated peers and the correlation log on SQLite): not the code it has no use for, which costs resident memory in
/// every hub (docs/performance/memory-load-less.md).
/// </summary>
public sealed class LoadedAssembliesTests : IDisposable
{
    private static readonly string[] NotNeeded =
    [
        "Npgsql.dll", // the correlation log is on SQLite
        "Npgsql.EntityFrameworkCore.PostgreSQL.dll",
        "Microsoft.AspNetCore.Mvc.Core.dll", // minimal APIs, no controllers; the OpenAPI document is off by default
        "Microsoft.AspNetCore.Mvc.ApiExplorer.dll",
        "Microsoft.AspNetCore.OpenApi.dll",
        "Microsoft.OpenApi.dll",
        "Microsoft.AspNetCore.Server.Kestrel.Transport.Quic.dll", // Kestrel without HTTP/3 (System.Net.Quic itself may
                                                                   // still come with the HTTP client, seen in longer runs)
        "Microsoft.AspNetCore.Server.IIS.dll", // never hosted in IIS
        "Microsoft.AspNetCore.Server.IISIntegration.dll",
        "Newtonsoft.Json.dll", // the mapping check reads and validates its files with System.Text.Json
        "NJsonSchema.dll",
        "NJsonSchema.Annotations.dll",
        "Namotion.Reflection.dll",
        "System.Private.Xml.dll", // only Newtonsoft's serializer brought it (1.5 MB of image pages)
        "OpenTelemetry.dll", // telemetry is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (0.9 MB of image pages with its API)
        "OpenTelemetry.Api.dll",
        "Hub.Adapters.ServiceNow.dll", // no system uses the ServiceNow adapter: only the adapters systems name are registered
        "Microsoft.Extensions.Hosting.WindowsServices.dll", // Linux: the Windows service lifetime is registered on Windows only
    ];

    private readonly CheckedSite site = new();

    [Fact]
    public async Task A_hub_on_SQLite_taking_a_complaint_to_Dynamics_loads_neither_Npgsql_nor_MVC_nor_OpenAPI_nor_QUIC_nor_IIS_nor_Newtonsoft_nor_OpenTelemetry_nor_an_adapter_no_system_uses()
    {
        site.Overrides["Hub:Api:Urls"] = "http://127.0.0.1:0";
        Complaints.BlockedToilet(site.TopDesk);
        await using var hub = HubProcess.Start(site.Folder, "run", "--config", site.WriteConfiguration());

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(120);
        while (site.Dynamics.Cases.Count == 0 && !hub.HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(site.Dynamics.Cases.Count > 0, "the complaint did not reach Dynamics:\n" + hub.Output);
        Assert.Contains("Polled servicedesk", hub.Output, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more polls of all three systems
        var mapped = await hub.MappedAssembliesAsync();
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite.dll", mapped); // the listing is real: the provider in use is there
        Assert.All(NotNeeded, name => Assert.DoesNotContain(name, mapped));
        hub.Terminate();
        await hub.WaitForExitAsync(TimeSpan.FromSeconds(25));
    }

    public void Dispose() => site.Dispose();
}
