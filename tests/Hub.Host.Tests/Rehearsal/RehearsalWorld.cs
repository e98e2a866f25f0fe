using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Hub.Host.Cli;
using Hub.Host.Tests.Audit;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;
using Microsoft.EntityFrameworkCore;

namespace Hub.Host.Tests.Rehearsal;

/// <summary>
/// A simulated TOPdesk and Dynamics 365 on loopback, a contractor's pickup folders, the shipped mappings copied, and a
/// hub database: what `hub mappings test` is pointed at with --config.
/// </summary>
internal sealed class RehearsalWorld : IAsyncDisposable
{
    private RehearsalWorld(SqliteTestDatabase database)
    {
        Database = database;
        MappingsDirectory = CopyShippedMappings("mappings");
        var certificate = Path.Combine(database.Directory, "token-endpoint.cer");
        File.WriteAllBytes(certificate, Dynamics.TokenEndpointCertificate.Export(X509ContentType.Cert));
        var mail = Path.Combine(database.Directory, "mail");
        var settings = new Dictionary<string, string?>(TopDesk.SettingsFor("servicedesk").Concat(Dynamics.SettingsFor("facility")))
        {
            ["Hub:Database:ConnectionString"] = "Data Source=hub.db",
            ["Hub:MappingsPath"] = MappingsDirectory,
            ["Hub:Systems:facility:TokenEndpointCertificateFile"] = certificate,
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:Transport"] = "Directory",
            ["Hub:Systems:contractor:From"] = "hub@facility.example",
        };
        foreach (var folder in new[] { "Outbox", "Inbox", "Processed", "Quarantine" })
        {
            settings[$"Hub:Systems:contractor:Directory:{folder}"] = Directory.CreateDirectory(Path.Combine(mail, folder)).FullName;
        }

        ConfigFile = HubProcess.WriteConfiguration(database.Directory, Nest(settings));
    }

    public static async Task<RehearsalWorld> CreateAsync(bool withDatabase = true) =>
        new(await SqliteTestDatabase.CreateAsync(started: withDatabase));

    public SqliteTestDatabase Database { get; }
    public TopDeskSimulator TopDesk { get; } = new();
    public DynamicsSimulator Dynamics { get; } = new();
    public string MappingsDirectory { get; }
    public string ConfigFile { get; }

    /// <summary>A copy of the shipped mappings in a folder of its own, for a test to edit.</summary>
    public string CopyShippedMappings(string name) => ShippedMappings.CopyTo(Path.GetFullPath(Path.Combine(Database.Directory, name)));

    /// <summary>A facilities complaint as a service-desk employee logs it in TOPdesk.</summary>
    public SimulatedIncident LogLeakingTap(string processingStatus = "Geregistreerd") =>
        TopDesk.LogIncident(new SimulatedIncidentDraft
        {
            BriefDescription = "Kraan lekt in de pantry",
            Request = "De kraan in de pantry op de tweede verdieping blijft druppelen.",
            Category = "Facilitair",
            Subcategory = "Sanitair",
            Priority = "Hoog",
            ProcessingStatus = processingStatus,
            CallerName = "Eva Jansen",
            CallerEmail = "eva.jansen@tenant.example",
        });

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await HubCli.Build()
            .Parse([.. args, "--config", ConfigFile])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Rows of every table the hub keeps, to show a dry run left them as they were.</summary>
    public async Task<string> RowCountsAsync()
    {
        await using var db = Database.Database.CreateContext();
        return string.Join(", ",
            $"journal {await db.Journal.CountAsync()}", $"outbox {await db.Outbox.CountAsync()}", $"links {await db.Links.CountAsync()}",
            $"cases {await db.Cases.CountAsync()}", $"parked {await db.Parked.CountAsync()}", $"inbox {await db.Inbox.CountAsync()}",
            $"state {await db.AdapterState.CountAsync()}", $"numbers {await db.CaseNumbers.CountAsync()}");
    }

    /// <summary>Every request either simulator got that was not a read.</summary>
    public IReadOnlyList<string> Writes() =>
        [.. TopDesk.Requests.Where(r => r.Method != "GET").Select(r => $"TOPdesk {r.Method} {r.Path}"),
         .. Dynamics.DataverseRequests.Where(r => r.Method != "GET").Select(r => $"Dynamics {r.Method} {r.PathAndQuery}")];

    private static Dictionary<string, object?> Nest(Dictionary<string, string?> flat)
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object?> next)
                {
                    next = new Dictionary<string, object?>();
                    node[part] = next;
                }

                node = next;
            }

            node[parts[^1]] = value;
        }

        return root;
    }

    public async ValueTask DisposeAsync()
    {
        TopDesk.Dispose();
        Dynamics.Dispose();
        await Database.DisposeAsync();
    }
}
