using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A site whose one system runs on an adapter from outside the hub: the sample TicketDesk adapter (samples/), built with
/// these tests, dropped into the site's plugins folder; its TicketDesk on loopback (one ticket, created by a person).
/// </summary>
internal sealed class PluginSite : IDisposable
{
    public const string ApiKey = "ticketdesk-key-for-tests";
    private readonly WireMockServer ticketDesk;

    public PluginSite()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hub-e2e", "plugins-" + Guid.NewGuid().ToString("N")[..10]);
        PluginsFolder = Path.Combine(Folder, "plugins");
        Directory.CreateDirectory(PluginsFolder);
        ticketDesk = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreeLoopbackPort.Find()}"], StartAdminInterface = false });
        ticketDesk.Given(Request.Create().WithPath("/api/me").WithHeader("X-Api-Key", ApiKey).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { name = "hub" }));
        ticketDesk.Given(Request.Create().WithPath("/api/events").WithHeader("X-Api-Key", ApiKey).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                events = new[] { new { seq = 1, ticketId = "t-1", number = "TD-1", key = (string?)null, kind = "created", text = (string?)null, status = "open", by = "Fenna", hub = false, at = "2026-12-06T08:00:00Z" } },
                more = false,
            }));
        var mappings = Directory.CreateDirectory(Path.Combine(Folder, "mappings")).FullName;
        File.WriteAllText(Path.Combine(mappings, "systems.json"), """{ "systems": [ { "name": "tickets", "role": "servicedesk", "adapter": "TicketDesk" } ] }""");
        File.WriteAllText(Path.Combine(mappings, "values.tickets.json"),
            """{ "valueMaps": [ { "system": "tickets", "field": "status", "values": [ { "value": "open", "canonical": "New" } ] } ] }""");
    }

    public string Folder { get; }
    public string PluginsFolder { get; }

    /// <summary>The sample adapter's build, as the test project's build step left it beside the tests.</summary>
    public static string SamplePluginBuild => Path.Combine(AppContext.BaseDirectory, "sample-plugin", "Hub.Adapters.Example");

    /// <summary>Drops the sample adapter into the plugins folder, as an admin would; returns its folder there.</summary>
    public string DropSamplePlugin()
    {
        var target = Directory.CreateDirectory(Path.Combine(PluginsFolder, "Hub.Adapters.Example")).FullName;
        foreach (var file in Directory.GetFiles(SamplePluginBuild))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>
    /// Makes the dropped plugin one built against another version of an assembly it references (the adapter contract,
    /// Hub.Abstractions, or a library such as Microsoft.Extensions.DependencyInjection.Abstractions): that reference, a row
    /// of the plugin assembly's AssemblyRef table, is rewritten to <paramref name="version"/>, which is what a build against
    /// that version would have written there.
    /// </summary>
    public static void BuiltAgainst(string pluginFolder, string reference, Version version)
    {
        var dll = Path.Combine(pluginFolder, "Hub.Adapters.Example.dll");
        var bytes = File.ReadAllBytes(dll);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var metadata = pe.GetMetadataReader();
            var row = metadata.AssemblyReferences.Single(r => metadata.GetString(metadata.GetAssemblyReference(r).Name) == reference);
            offset = pe.PEHeaders.MetadataStartOffset + metadata.GetTableMetadataOffset(TableIndex.AssemblyRef)
                     + ((MetadataTokens.GetRowNumber(row) - 1) * metadata.GetTableRowSize(TableIndex.AssemblyRef));
        }

        foreach (var part in new[] { version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0) })
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(offset, 2), (ushort)part);
            offset += 2;
        }

        File.WriteAllBytes(dll, bytes);
    }

    /// <summary>The site's configuration: the "tickets" system on <paramref name="adapter"/>, the plugins folder set (or left to its default).</summary>
    public string WriteConfiguration(string adapter = "TicketDesk", bool setPluginsPath = true) =>
        HubProcess.WriteConfiguration(Folder, new
        {
            Hub = new Dictionary<string, object?>
            {
                ["Database"] = new { Provider = "Sqlite", ConnectionString = "Data Source=hub.db" },
                ["MappingsPath"] = "mappings",
                ["PluginsPath"] = setPluginsPath ? "plugins" : null,
                ["Api"] = new { Urls = $"http://127.0.0.1:{FreeLoopbackPort.Find()}" },
                ["Systems"] = new Dictionary<string, object>
                {
                    ["tickets"] = new { Adapter = adapter, BaseUrl = ticketDesk.Url, ApiKey, PollInterval = "00:00:01" },
                },
            },
        });

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var hub = HubProcess.Start(Folder, [.. arguments, "--config", Path.Combine(Folder, "appsettings.json")]);
        var exit = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, hub.Output);
    }

    public void Dispose()
    {
        ticketDesk.Stop();
        ticketDesk.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder: test data only
        }
    }
}
