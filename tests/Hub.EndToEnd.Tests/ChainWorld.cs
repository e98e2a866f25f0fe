using System.Security.Cryptography.X509Certificates;
using Hub.Engine.Persistence;
using Hub.Simulators.Contractor;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The three organisations on loopback for one test (simulated TOPdesk and Dynamics 365 shaped like the real APIs,
/// a contractor answering through pickup folders) and the configuration that points a real `hub` process at them.
/// </summary>
internal sealed class ChainWorld : IAsyncDisposable
{
    private readonly PickupContractor pickup;
    private readonly HubRuns hubs;
    private readonly RealMail? mail;
    private readonly DatabaseOptions database;

    /// <summary>The contractor over the real mail servers instead of pickup folders: the hub's and the plumber's mailboxes.</summary>
    public sealed record RealMail(int SmtpPort, int ImapPort, string HubAddress, string HubPassword, string ContractorAddress);

    /// <param name="database">Where the hub keeps its correlation log: by default a SQLite file in the world's folder.</param>
    /// <param name="facilityOnTopDesk">
    /// The building manager runs TOPdesk too (a second simulated tenant with its own login, operators and search lists),
    /// and the hub runs on the shipped example mappings/examples/topdesk-topdesk instead of mappings/.
    /// </param>
    /// <param name="contractorLanguage">The language of the Sanitair contractor: in contractors.json, and the one the simulated contractor answers in.</param>
    public ChainWorld(ITestOutputHelper log, bool contractorAnswers = true, RealMail? mail = null, DatabaseOptions? database = null, bool facilityOnTopDesk = false, string contractorLanguage = "nl")
    {
        this.mail = mail;
        this.database = database ?? new DatabaseOptions();
        Folder = Path.Combine(Path.GetTempPath(), "hub-e2e", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        hubs = new HubRuns(Folder, log);
        TopDesk = new TopDeskSimulator();
        Dynamics = new DynamicsSimulator();
        FacilityTopDesk = facilityOnTopDesk
            ? new TopDeskSimulator(new TopDeskSimulatorOptions
            {
                Username = "koppeling-huurder",
                HubOperatorName = "Koppeling huurder",
                StaffOperatorName = "Joost Bakker",
                SearchLists = TopDeskSearchLists.BuildingManager,
            })
            : null;
        pickup = new PickupContractor(Folder, answers: contractorAnswers && mail is null, contractorLanguage);
        MappingsDirectory = CopyShippedMappings(facilityOnTopDesk ? Path.Combine("mappings", "examples", "topdesk-topdesk") : "mappings");
        if (mail is not null)
        {
            SendSanitairTo(mail.ContractorAddress);
        }

        EditSanitair(contractor => contractor["language"] = contractorLanguage);
    }

    public string Folder { get; }
    public TopDeskSimulator TopDesk { get; }
    public DynamicsSimulator Dynamics { get; }

    /// <summary>The building manager's own TOPdesk, when the world was made with facilityOnTopDesk (else the facility is <see cref="Dynamics"/>).</summary>
    public TopDeskSimulator? FacilityTopDesk { get; }
    public SimulatedContractor Contractor => pickup.Contractor;
    public string MappingsDirectory { get; }
    public string DatabaseFile => Path.Combine(Folder, "hub.db");

    public string MailFolder(string name) => pickup.Folder(name);

    /// <summary>Work orders the hub sent (files in the pickup outbox).</summary>
    public IReadOnlyList<string> WorkOrders() => pickup.WorkOrders();

    /// <summary>Where the hub's HTTP endpoints listen in this world (a free loopback port).</summary>
    public Uri ApiUrl { get; } = new($"http://127.0.0.1:{FreeLoopbackPort.Find()}/");

    /// <summary>Poll interval of the service desk; a webhook test makes it long so only the webhook can explain a fast poll.</summary>
    public string ServiceDeskPollInterval { get; set; } = "00:00:01";

    /// <summary>Poll interval of the contractor's mailbox; a test of IMAP IDLE makes it long so only the waiter can explain a fast read.</summary>
    public string ContractorPollInterval { get; set; } = "00:00:01";

    /// <summary>Settings of the hub's Hub:Audit section in this world (journal key file, verify interval, head file).</summary>
    public Dictionary<string, string> AuditSettings { get; } = [];

    public const string WebhookSecret = "hook-secret-for-tests";

    /// <summary>Lets the service desk's webhook take the plain secret in X-Hub-Secret (Hub:Systems:servicedesk:AllowWebhookSecretHeader).</summary>
    public bool ServiceDeskAllowsWebhookSecretHeader { get; set; }

    /// <summary>The auditor's API key this world's hub accepts (its SHA-256 is in Hub:Api:ApiKeyHashes); /health details need it.</summary>
    public const string ApiKey = "auditor-key-for-tests";

    public string WriteConfiguration()
    {
        var certificate = Path.Combine(Folder, "token-endpoint.cer");
        File.WriteAllBytes(certificate, Dynamics.TokenEndpointCertificate.Export(X509ContentType.Cert));
        return HubProcess.WriteConfiguration(Folder, new
        {
            Logging = new { LogLevel = new Dictionary<string, string> { ["Default"] = "Information", ["Microsoft"] = "Warning", ["Quartz"] = "Warning", ["System.Net.Http.HttpClient"] = "Warning" } },
            Hub = new
            {
                Database = new { Provider = database.Provider.ToString(), database.ConnectionString },
                MappingsPath = MappingsDirectory,
                Api = new { Urls = ApiUrl.ToString().TrimEnd('/'), ApiKeyHashes = new[] { Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))) } },
                Sync = new { RetryDelay = "00:00:01", MaxRetryDelay = "00:00:05", MaxAttempts = 50 },
                Audit = AuditSettings,
                Systems = new Dictionary<string, object>
                {
                    ["servicedesk"] = SystemSection.From(TopDesk.SettingsFor("servicedesk"), "servicedesk", ("PollInterval", ServiceDeskPollInterval), ("WebhookSecret", WebhookSecret),
                        ("AllowWebhookSecretHeader", ServiceDeskAllowsWebhookSecretHeader ? "true" : null)),
                    ["facility"] = FacilityTopDesk is { } facilityDesk
                        ? SystemSection.From(facilityDesk.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"))
                        : SystemSection.From(Dynamics.SettingsFor("facility"), "facility", ("PollInterval", "00:00:01"), ("TokenEndpointCertificateFile", certificate)),
                    ["contractor"] = mail is null ? pickup.Section(ContractorPollInterval) : new
                    {
                        Adapter = "Email", PollInterval = ContractorPollInterval, Transport = "Mail", From = mail.HubAddress, ReplyTo = mail.HubAddress,
                        Smtp = new { Host = "127.0.0.1", Port = mail.SmtpPort, Security = "None", Username = mail.HubAddress, Password = mail.HubPassword },
                        Imap = new { Host = "127.0.0.1", Port = mail.ImapPort, Security = "None", Username = mail.HubAddress, Password = mail.HubPassword, Folder = "INBOX" },
                    },
                },
            },
        });
    }

    /// <param name="environment">Variables of the hub's process beside the configuration file (OTEL_EXPORTER_OTLP_ENDPOINT=…).</param>
    public HubProcess StartHub(IReadOnlyDictionary<string, string>? environment = null)
    {
        var config = WriteConfiguration();
        return hubs.Start(environment ?? new Dictionary<string, string>(), "run", "--config", config);
    }

    /// <summary>
    /// Another `hub run` on this world's configuration and database, as an operator starting a second service by mistake
    /// would: its own API port (so only the shared database can stop it), everything else the same.
    /// </summary>
    /// <param name="environment">More variables of the hub's process (a cluster's short lease and check-in).</param>
    public HubProcess StartAnotherHub(IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["Hub__Api__Urls"] = $"http://127.0.0.1:{FreeLoopbackPort.Find()}" };
        return hubs.Start(variables, "run", "--config", hubs.ConfigurationFile);
    }

    /// <summary>Runs a `hub` command against this world's configuration to its end; returns exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunHubCommandAsync(params string[] arguments) =>
        RunHubCommandWithAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs a `hub` command with more variables of its process (the nodes' own, e.g. a cluster's check-in interval).</summary>
    public Task<(int ExitCode, string Output)> RunHubCommandWithAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        hubs.RunCommandAsync(environment, arguments);

    /// <summary>Waits until the hub's HTTP endpoints answer (any answer); fails with the hub's output when they do not in time.</summary>
    public async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiUrl, Timeout = TimeSpan.FromSeconds(5) };
        await EventuallyAsync(async () =>
        {
            try
            {
                using var probe = await http.GetAsync(new Uri("health", UriKind.Relative));
                return true;
            }
            catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the hub listening on " + ApiUrl);
    }

    /// <summary>Waits until the condition holds; fails with the hub's output when it does not in time.</summary>
    public Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Waits until the condition, which asks a peer, holds; fails with the hub's output when it does not in time.</summary>
    public Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => hubs.EventuallyAsync(condition, timeout, what);

    /// <summary>Points the Sanitair contractor of the copied mappings at a real mailbox.</summary>
    private void SendSanitairTo(string address) => EditSanitair(contractor =>
    {
        contractor["email"] = address;
        contractor["senders"] = new System.Text.Json.Nodes.JsonArray(address);
    });

    /// <summary>Changes the Sanitair contractor in the copied mappings.</summary>
    private void EditSanitair(Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        var file = Path.Combine(MappingsDirectory, "contractors.json");
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var contractor in document["contractors"]!.AsArray())
        {
            if (contractor!["subcategories"]?.AsArray().Any(s => s!.GetValue<string>() == "Sanitair") == true)
            {
                edit(contractor);
            }
        }

        File.WriteAllText(file, document.ToJsonString());
    }

    private string CopyShippedMappings(string folder) => ShippedMappings.CopyTo(Path.Combine(Folder, "mappings"), folder);

    public async ValueTask DisposeAsync()
    {
        await hubs.DisposeAsync();
        await pickup.DisposeAsync();
        TopDesk.Dispose();
        Dynamics.Dispose();
        FacilityTopDesk?.Dispose();
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
