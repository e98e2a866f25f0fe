using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hub.Simulators.Contractor;
using Hub.Simulators.Dynamics;
using Hub.Simulators.TopDesk;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// The three organisations on loopback inside the benchmark process (simulated TOPdesk and Dynamics 365, a contractor
/// answering through pickup folders) and a real `hub` process pointed at them with the shipped mappings, all in a
/// temp folder that is removed at the end.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    public const string WebhookSecret = "bench-webhook-secret";
    private const string ApiKey = "bench-auditor-key"; // /health shows each system's last good poll only with it
    private const int FirstComplaint = 100_000; // every complaint number has six digits, so none is inside another
    private static readonly string[] SystemNames = ["servicedesk", "facility", "contractor"];
    private static readonly string[] MailFolders = ["outbox", "inbox", "processed", "quarantine"];
    private readonly CancellationTokenSource stop = new();
    private Task contractorRun = Task.CompletedTask;
    private HubProcess? hub;
    private string? configuration;

    public BenchWorld(DynamicsSimulatorOptions? dynamics = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "hub-syncbench-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var mailFolder in MailFolders)
        {
            Directory.CreateDirectory(MailFolder(mailFolder));
        }

        TopDesk = new TopDeskSimulator();
        Dynamics = new DynamicsSimulator(dynamics);
        Contractor = new SimulatedContractor(new ContractorSimulatorOptions { Outbox = MailFolder("outbox"), Inbox = MailFolder("inbox") }, TimeProvider.System);
        MappingsDirectory = Path.Combine(HubProcess.RepositoryRoot(), "mappings"); // read only: the shipped mappings
    }

    public string Folder { get; }
    public TopDeskSimulator TopDesk { get; }
    public DynamicsSimulator Dynamics { get; }
    public SimulatedContractor Contractor { get; }
    public string MappingsDirectory { get; }
    public Uri ApiUrl { get; } = new($"http://127.0.0.1:{FreeLoopbackPort.Find()}/");

    /// <summary>
    /// Keep the folder at the end (the hub's database, the mail folders, the configuration) with the hub's output in
    /// hub-output.log, instead of removing it: a run that did not finish can be looked into.
    /// </summary>
    public bool Keep { get; set; }

    /// <summary>The hub process, once started.</summary>
    public HubProcess Hub => hub ?? throw new InvalidOperationException("The hub has not been started.");

    /// <summary>Poll intervals per system ("servicedesk", "facility", "contractor"); one second unless set.</summary>
    public Dictionary<string, TimeSpan> PollIntervals { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra hub settings, flat keys such as "Hub:Sync:DispatchConcurrency".</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public string MailFolder(string name) => Path.Combine(Folder, "mail", name);

    /// <summary>Lets the simulated contractor answer work orders (accept, schedule, done) as a real one would.</summary>
    /// <summary>Both simulated systems answer every call after <paramref name="latency"/>, and fail none.</summary>
    public void AnswerEveryCallAfter(TimeSpan latency)
    {
        TopDesk.SetFailureRatio(0, latency);
        Dynamics.FailShareOfRequests(0, latency);
    }

    public void LetContractorAnswer() => contractorRun = Task.Run(() => Contractor.RunAsync(stop.Token));

    /// <summary>Starts `hub run` and waits until every system has had a good first poll.</summary>
    public async Task StartHubAsync(CancellationToken cancellationToken)
    {
        configuration = WriteConfiguration();
        var started = Stopwatch.StartNew();
        hub = HubProcess.Start(Folder, "run", "--config", configuration);
        using var http = new HttpClient { BaseAddress = ApiUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (hub.HasExited)
            {
                throw new InvalidOperationException($"The hub stopped at start (exit {hub.ExitCode}):\n{hub.Output}");
            }

            if (await AllSystemsPolledAsync(http, cancellationToken))
            {
                PrintStart(hub, started);
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The hub did not poll every system within 90 s:\n{hub.Output}");
    }

    /// <summary>
    /// How long `hub run` took to its first good poll of every system (seen through /health, checked every 0.2 s), and the
    /// CPU the hub's process had used by then: the start time of a build or a runtime setting, CPU being the figure that
    /// survives a busy machine.
    /// </summary>
    private static void PrintStart(HubProcess hub, Stopwatch started)
    {
        using var process = Process.GetProcessById(hub.Id);
        Console.WriteLine(Figures.Invariant(
            $"  start: every system polled {started.Elapsed.TotalSeconds:F2} s after `hub run`, hub CPU {process.TotalProcessorTime.TotalSeconds:F2} s (load average {Figures.LoadAverage()})"));
    }

    /// <summary>More nodes on the first one's configuration (a PostgreSQL database), each on an API port of its own.</summary>
    public List<HubProcess> OtherNodes { get; } = [];

    /// <summary>Starts one more `hub run` node and waits until it has started.</summary>
    public async Task<HubProcess> StartAnotherNodeAsync()
    {
        var node = HubProcess.StartWith(Folder, new Dictionary<string, string>
            {
                ["Hub__Api__Urls"] = $"http://127.0.0.1:{FreeLoopbackPort.Find()}",
                ["Logging__LogLevel__Hub"] = "Information", // its "Hub starting with" line says it started
            },
            "run", "--config", configuration ?? throw new InvalidOperationException("Start the first node first."));
        OtherNodes.Add(node);
        if (!await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(90)))
        {
            throw new InvalidOperationException($"Another node did not start:\n{node.Output}");
        }

        return node;
    }

    /// <summary>Work orders the hub sent (files in the contractor's pickup outbox).</summary>
    public int WorkOrders() => Directory.GetFiles(MailFolder("outbox"), "*.eml", SearchOption.AllDirectories).Length;

    /// <summary>POST /hooks/servicedesk signed with the system's secret and a fresh timestamp, a body of its own each time (the hub refuses a replay).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(HttpClient http, string system, CancellationToken cancellationToken)
    {
        using var request = WebhookCall.Signed(ApiUrl, system, WebhookSecret, TimeProvider.System.GetUtcNow(), WebhookCall.NewBody());
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>The words that make complaint <paramref name="number"/> unique, in its title everywhere it goes.</summary>
    public static string ComplaintMark(int number) => string.Create(CultureInfo.InvariantCulture, $"verdieping {FirstComplaint + number}");

    /// <summary>Complaint <paramref name="number"/> (an employee's blocked toilet), routed to the building manager and on to the plumber.</summary>
    public SimulatedIncident LogComplaint(int number) => Complaints.BlockedToilet(TopDesk, FirstComplaint + number);

    private static async Task<bool> AllSystemsPolledAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("health", UriKind.Relative));
            request.Headers.Add("X-Api-Key", ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var systems = json.RootElement.GetProperty("checks").GetProperty("systems").GetProperty("data");
            return SystemNames.All(name =>
                systems.TryGetProperty(name, out var system) && system.TryGetProperty("lastSuccessfulPollAt", out var at) && at.ValueKind == JsonValueKind.String);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false; // not listening yet, or not every system has been polled
        }
    }

    private string WriteConfiguration()
    {
        var certificate = Path.Combine(Folder, "token-endpoint.cer");
        File.WriteAllBytes(certificate, Dynamics.TokenEndpointCertificate.Export(X509ContentType.Cert));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Hub:Database:Provider"] = "Sqlite",
            ["Hub:Database:ConnectionString"] = "Data Source=hub.db",
            ["Hub:MappingsPath"] = MappingsDirectory,
            ["Hub:Api:Urls"] = ApiUrl.ToString().TrimEnd('/'),
            ["Hub:Api:ApiKeyHashes:0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Hub:Systems:servicedesk:WebhookSecret"] = WebhookSecret,
            ["Hub:Systems:facility:TokenEndpointCertificateFile"] = certificate,
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:Transport"] = "Directory",
            ["Hub:Systems:contractor:From"] = "hub@facility.example",
            ["Hub:Systems:contractor:ReplyTo"] = "hub@facility.example",
        };
        foreach (var (key, value) in TopDesk.SettingsFor("servicedesk").Concat(Dynamics.SettingsFor("facility")))
        {
            settings[key] = value;
        }

        foreach (var mailFolder in MailFolders)
        {
            settings["Hub:Systems:contractor:Directory:" + char.ToUpperInvariant(mailFolder[0]) + mailFolder[1..]] = MailFolder(mailFolder);
        }

        foreach (var system in SystemNames)
        {
            var interval = PollIntervals.TryGetValue(system, out var set) ? set : TimeSpan.FromSeconds(1);
            settings[$"Hub:Systems:{system}:PollInterval"] = interval.ToString("c", CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return HubProcess.WriteConfiguration(Folder, settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in OtherNodes)
        {
            node.Terminate();
        }

        foreach (var node in OtherNodes)
        {
            await node.DisposeAsync();
        }

        if (hub is not null)
        {
            hub.Terminate();
            try
            {
                await hub.WaitForExitAsync(TimeSpan.FromSeconds(25));
            }
            catch (OperationCanceledException)
            {
                // did not stop politely in time: killed below
            }

            if (Keep)
            {
                await File.WriteAllTextAsync(Path.Combine(Folder, "hub-output.log"), hub.Output);
            }

            await hub.DisposeAsync();
        }

        await stop.CancelAsync();
        await contractorRun.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
        TopDesk.Dispose();
        Dynamics.Dispose();
        if (Keep)
        {
            Console.WriteLine($"  kept for a look: {Folder} (hub.db, mail/, appsettings.json, hub-output.log, and a backlog run's calls.csv)");
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder: benchmark data only
        }
    }
}
