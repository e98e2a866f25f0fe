using Hub.Simulators.Dynamics;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.Simulators.ServiceNow;

/// <summary>
/// A ServiceNow instance on a free loopback port, behaving like the Table API in the ways the hub relies on: Basic
/// authentication and OAuth 2.0 tokens from <c>/oauth_token.do</c> (client credentials, password and refresh grants,
/// tokens that expire), encoded queries with ORDERBY and an ignored unknown column, <c>sysparm_fields</c>,
/// <c>sysparm_limit</c>/<c>sysparm_offset</c>, display values and reference links, journal columns kept in
/// <c>sys_journal_field</c>, the resolve data policy, the priority lookup, and 429 with <c>Retry-After</c> and
/// <c>X-RateLimit-*</c>. People act through <see cref="OpenIncident"/>, <see cref="AddComment"/> and
/// <see cref="ChangeState"/>; tests inspect and inject faults.
/// </summary>
public sealed class ServiceNowSimulator : IDisposable
{
    private readonly WireMockServer server;
    private readonly ServiceNowInstance instance;
    private readonly ServiceNowFaults faults = new();
    private readonly ServiceNowTableApi api;

    public ServiceNowSimulator(ServiceNowSimulatorOptions? options = null)
    {
        Options = options ?? new ServiceNowSimulatorOptions();
        instance = new ServiceNowInstance(Options.Time, Options.Username, Options.UserTimeZone);
        api = new ServiceNowTableApi(instance, faults, Options);
        (server, _) = LoopbackPort.Start(port => new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            ReadStaticMappings = false,
            MaxRequestLogCount = 100,
        });
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(api.HandleAsync));
    }

    public ServiceNowSimulatorOptions Options { get; }

    /// <summary>The instance's address (what the hub's InstanceUrl is set to).</summary>
    public string Url => server.Url ?? throw new InvalidOperationException("The simulated ServiceNow is not running.");

    /// <summary>user_name of the person who acts in the instance's own screens.</summary>
    public static string StaffUser => ServiceNowInstance.StaffUser;

    public IReadOnlyList<SimulatedIncident> Incidents
    {
        get
        {
            lock (instance.Gate)
            {
                return [.. instance.Incidents];
            }
        }
    }

    /// <summary>Requests served, as "METHOD path?query → status".</summary>
    public IReadOnlyList<string> Requests => api.Log;

    /// <summary>Access tokens the token endpoint issued.</summary>
    public int TokensIssued => api.TokensIssued;

    /// <summary>The grant type of every access token issued ("client_credentials", "password", "refresh_token"), in order.</summary>
    public IReadOnlyList<string> Grants => api.Grants;

    /// <summary>The hub settings of a system that talks to this instance, keyed "Hub:Systems:&lt;name&gt;:..."; OAuth client credentials or Basic.</summary>
    public IReadOnlyDictionary<string, string?> SettingsFor(string systemName, bool oauth = false)
    {
        var prefix = $"Hub:Systems:{systemName}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Adapter"] = "ServiceNow",
            [prefix + "InstanceUrl"] = Url,
            [prefix + "IntegrationUser"] = Options.Username,
        };
        if (oauth)
        {
            settings[prefix + "Authentication"] = "OAuthClientCredentials";
            settings[prefix + "ClientId"] = Options.ClientId;
            settings[prefix + "ClientSecret"] = Options.ClientSecret;
        }
        else
        {
            settings[prefix + "Username"] = Options.Username;
            settings[prefix + "Password"] = Options.Password;
        }

        return settings;
    }

    public SimulatedIncident Incident(string sysIdOrNumber)
    {
        lock (instance.Gate)
        {
            return instance.Incidents.FirstOrDefault(i => i.SysId == sysIdOrNumber || i.Number == sysIdOrNumber)
                   ?? throw new ArgumentException($"The simulated ServiceNow has no incident {sysIdOrNumber}.", nameof(sysIdOrNumber));
        }
    }

    /// <summary>The journal entries of an incident, oldest first.</summary>
    public IReadOnlyList<SimulatedJournalEntry> JournalOf(string sysId)
    {
        lock (instance.Gate)
        {
            return [.. instance.Journal.Where(j => j.ElementId == sysId)];
        }
    }

    /// <summary>The sys_id of a user by user_name (the caller a test expects).</summary>
    public string UserId(string userName)
    {
        lock (instance.Gate)
        {
            return instance.Users.First(u => u["user_name"] == userName)["sys_id"];
        }
    }

    /// <summary>The sys_id of an assignment group by name.</summary>
    public string GroupId(string name)
    {
        lock (instance.Gate)
        {
            return instance.Groups.First(g => g["name"] == name)["sys_id"];
        }
    }

    /// <summary>A service-desk agent opens an incident in the instance's own form; columns as the Table API names them.</summary>
    public SimulatedIncident OpenIncident(IReadOnlyDictionary<string, string> columns)
    {
        lock (instance.Gate)
        {
            var incident = instance.NewIncident(StaffUser);
            instance.Write(incident, columns, StaffUser, creating: true);
            return incident;
        }
    }

    /// <summary>An agent writes an additional comment (customer-visible) or, with <paramref name="workNote"/>, a work note.</summary>
    public void AddComment(string sysId, string text, bool workNote = false, string? by = null)
    {
        lock (instance.Gate)
        {
            instance.Write(instance.Get(sysId), new Dictionary<string, string> { [workNote ? "work_notes" : "comments"] = text }, by ?? StaffUser, creating: false);
        }
    }

    /// <summary>An agent changes columns of an incident (state, hold_reason, close_code, ...) in its form.</summary>
    public void Change(string sysId, IReadOnlyDictionary<string, string> columns, string? by = null)
    {
        lock (instance.Gate)
        {
            instance.Write(instance.Get(sysId), columns, by ?? StaffUser, creating: false);
        }
    }

    /// <summary>An agent sets the state (1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled).</summary>
    public void ChangeState(string sysId, string state, IReadOnlyDictionary<string, string>? more = null)
    {
        var columns = new Dictionary<string, string>(more ?? new Dictionary<string, string>()) { ["state"] = state };
        Change(sysId, columns);
    }

    /// <summary>
    /// From now on the incident is served with <paramref name="column"/> as this raw JSON instead of its value (what a
    /// customisation or a scripted REST override can send); null serves the value again. Its sys_updated_on moves.
    /// </summary>
    public void ServeColumnAsRawJson(string sysId, string column, string? rawJson)
    {
        if (rawJson is not null)
        {
            _ = System.Text.Json.Nodes.JsonNode.Parse(rawJson);
        }

        lock (instance.Gate)
        {
            var incident = instance.Get(sysId);
            if (rawJson is null)
            {
                incident.RawJson.Remove(column);
            }
            else
            {
                incident.RawJson[column] = rawJson;
            }

            instance.Touch(incident, StaffUser);
        }
    }

    /// <summary>
    /// <paramref name="hook"/> runs after each page of incidents is made and before the hub receives it, with the page's
    /// number (1 = the first served since): people change incidents while the hub pages through them.
    /// </summary>
    public void BetweenIncidentPages(Action<int>? hook) => api.AfterIncidentPage = hook;

    /// <summary>Every access token issued so far stops working (an admin revoked them, or the instance restarted its OAuth cache).</summary>
    public void RevokeTokens() => api.RevokeTokens();

    /// <summary>The next <paramref name="count"/> requests fail with this status and the Table API's error body.</summary>
    public void FailNextRequests(int count, int status, string message, string? detail = null) => faults.FailNext(count, status, message, detail);

    /// <summary>Every request fails with 503 until <see cref="ClearFaults"/>.</summary>
    public void MakeUnavailable() => faults.FailNext(int.MaxValue, 503, "Service Unavailable", "The instance is hibernating or under maintenance.");

    /// <summary>
    /// The next <paramref name="count"/> requests exceed the integration user's rate limit rule: 429 with
    /// X-RateLimit-Limit/-Reset/-Rule and, unless <paramref name="retryAfter"/> is null, Retry-After.
    /// </summary>
    public void ThrottleNextRequests(int count, TimeSpan? retryAfter) => faults.Throttle(count, retryAfter);

    /// <summary>The next <paramref name="count"/> requests run into the "REST Table API request timeout" transaction quota rule.</summary>
    public void CancelNextRequestsByQuota(int count) =>
        faults.FailNext(count, 500, "Transaction cancelled: maximum execution time exceeded", "Transaction cancelled: maximum execution time exceeded. Check the transaction quota rule \"REST Table API request timeout\".");

    /// <summary>The next <paramref name="count"/> writes are carried out, but their answer is lost (a 502 instead).</summary>
    public void LoseAnswersToNextWrites(int count) => faults.LoseAnswers(count);

    public void ClearFaults() => faults.Clear();

    public void ClearRequestLog() => api.ClearLog();

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }
}
