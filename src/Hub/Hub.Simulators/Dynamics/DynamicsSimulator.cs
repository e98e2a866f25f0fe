using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.Simulators.Dynamics;

/// <summary>
/// A stateful Dynamics 365 org (Dataverse Web API v9.2) and its Microsoft Entra ID token endpoint, on free loopback
/// ports. Dataverse answers on <see cref="Url"/> (plain HTTP on loopback); the token endpoint on <see cref="Authority"/>
/// over HTTPS with a self-signed certificate (<see cref="TokenEndpointCertificate"/>). Tests and the sandbox (<c>hub-sandbox</c>)
/// act "as a person" through the Person... methods, look inside with the inspection members, and inject faults.
/// </summary>
public sealed partial class DynamicsSimulator : IDisposable
{
    private const string ApiPrefix = "/api/data/v9.2/";
    private const int MaxLoggedRequests = 10_000;
    private readonly DynamicsSimulatorOptions options;
    private readonly TimeProvider time;
    private readonly WireMockServer dataverse;
    private readonly WireMockServer entra;
    private readonly SimulatedOrg org;
    private readonly DataverseStore store;
    private readonly DataverseWebApi api;
    private readonly EntraTokenEndpoint tokens;
    private readonly ChangeTrackingSettings tracking = new();
    private readonly SimulatedServiceProtection protection;
    private readonly FaultPlan faults = new();
    private readonly ConcurrentQueue<RecordedRequest> log = new();
    private readonly ConcurrentDictionary<Guid, Action> pendingRaces = new();

    public DynamicsSimulator(DynamicsSimulatorOptions? options = null)
    {
        this.options = options ?? new DynamicsSimulatorOptions();
        time = this.options.Time;
        TokenEndpointCertificate = LoopbackCertificate.Create("Hub simulated Entra ID", "localhost", time);
        (dataverse, var dataversePort) = LoopbackPort.Start(port => new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 100,
        });
        (entra, var entraPort) = LoopbackPort.Start(port => new WireMockServerSettings
        {
            Urls = [$"https://127.0.0.1:{port}"],
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = TokenEndpointCertificate },
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            MaxRequestLogCount = 100,
        });
        Url = new Uri($"http://127.0.0.1:{dataversePort}/");
        Authority = new Uri($"https://127.0.0.1:{entraPort}/");
        org = new SimulatedOrg { ApiUrl = Url + ApiPrefix.TrimStart('/') };
        store = new DataverseStore(time, this.options.CorrelationKeyColumn);
        var rows = new DataverseRows(this.options.CorrelationKeyColumn, org.NameOf);
        api = new DataverseWebApi(store, rows, tracking, org, time);
        tokens = new EntraTokenEndpoint(this.options, Url.ToString().TrimEnd('/'), time);
        protection = new SimulatedServiceProtection(this.options.RequestLimitPerFiveMinutes, this.options.ConcurrencyLimit, time);

        dataverse.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleDataverseAsync));
        entra.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleToken));
    }

    /// <summary>The org URL (what admins configure as BaseUrl), e.g. http://127.0.0.1:5123/.</summary>
    public Uri Url { get; }

    /// <summary>The Web API root, <c>{Url}api/data/v9.2/</c>.</summary>
    public string ApiUrl => org.ApiUrl;

    /// <summary>The token endpoint base (what admins configure as Authority), HTTPS on loopback.</summary>
    public Uri Authority { get; }

    /// <summary>The self-signed certificate the token endpoint presents; a client must be told to trust exactly this one.</summary>
    public X509Certificate2 TokenEndpointCertificate { get; }

    public string TenantId => options.TenantId;
    public string ClientId => options.ClientId;
    public string ClientSecret => options.ClientSecret;

    /// <summary>The settings that point a hub's system at this simulated org and its token endpoint.</summary>
    public IReadOnlyDictionary<string, string?> SettingsFor(string systemName) => new Dictionary<string, string?>
    {
        [$"Hub:Systems:{systemName}:Adapter"] = "Dynamics",
        [$"Hub:Systems:{systemName}:BaseUrl"] = Url.ToString(),
        [$"Hub:Systems:{systemName}:Authority"] = Authority.ToString(),
        [$"Hub:Systems:{systemName}:TenantId"] = TenantId,
        [$"Hub:Systems:{systemName}:ClientId"] = ClientId,
        [$"Hub:Systems:{systemName}:ClientSecret"] = ClientSecret,
        [$"Hub:Systems:{systemName}:CorrelationKeyColumn"] = CorrelationKeyColumn,
    };
    public string CorrelationKeyColumn => options.CorrelationKeyColumn;

    /// <summary>The systemuserid of the hub's application user (what WhoAmI answers).</summary>
    public Guid AppUserId => org.AppUser.Id;

    /// <summary>The systemuserid of the person who works in the org.</summary>
    public Guid PersonUserId => org.Person.Id;

    /// <summary>An account cases can be bound to: use <c>accounts({DefaultAccountId})</c> as the route's "customer".</summary>
    public Guid DefaultAccountId { get; } = Guid.Parse("5350cb01-a1b6-ea11-a812-000d3a3e1af1");

    /// <summary>How long the tokens the endpoint issues from now on live (Entra's default is about an hour).</summary>
    public TimeSpan TokenLifetime
    {
        get => tokens.TokenLifetime;
        set => tokens.TokenLifetime = value;
    }

    // ---- acting as a person -------------------------------------------------------------------

    public SimulatedCase PersonCreatesCase(string title, string? description = null, int priority = 2)
    {
        var patch = CasePatch.Parse(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["title"] = title,
                ["description"] = description,
                ["prioritycode"] = priority,
                ["caseorigincode"] = 1,
                ["customerid_account@odata.bind"] = $"/accounts({DefaultAccountId})",
            }),
            options.CorrelationKeyColumn);
        return store.Create(patch, org.Person.Id);
    }

    public SimulatedNote PersonAddsNote(Guid caseId, string text, string? subject = null) =>
        store.AddNote(caseId, subject, text, org.Person.Id);

    /// <summary>A person sets the status the way the app does: resolving goes through CloseIncident, the rest is SetState.</summary>
    public SimulatedCase PersonChangesStatus(Guid caseId, int stateCode, int statusCode)
    {
        if (stateCode == 1)
        {
            var current = store.Find(caseId);
            if (current is { StateCode: not 0 })
            {
                store.Update(caseId, new CasePatch { StateCode = 0, StatusCode = 1 }, org.Person.Id, "*");
            }

            return store.Close(caseId, statusCode, "Resolved by " + org.Person.FullName, null, org.Person.Id);
        }

        return store.Update(caseId, new CasePatch { StateCode = stateCode, StatusCode = statusCode }, org.Person.Id, "*");
    }

    public SimulatedCase PersonEditsCase(Guid caseId, string? title = null, string? description = null, int? priority = null)
    {
        var body = new Dictionary<string, object?>();
        if (title is not null)
        {
            body["title"] = title;
        }

        if (description is not null)
        {
            body["description"] = description;
        }

        if (priority is not null)
        {
            body["prioritycode"] = priority;
        }

        return store.Update(caseId, CasePatch.Parse(System.Text.Json.JsonSerializer.Serialize(body), options.CorrelationKeyColumn), org.Person.Id, "*");
    }

    public void PersonDeletesCase(Guid caseId) => store.Delete(caseId);

    /// <summary>
    /// From now on the case is served with <paramref name="column"/> as this raw JSON instead of its value, e.g.
    /// <c>"hoog"</c> for a prioritycode that should be a number or <c>"gisteren"</c> for a date (what a customisation
    /// or a plug-in can leave in a row); null serves the value again. The row changes, so it is read again.
    /// </summary>
    public void ServeColumnAsRawJson(Guid caseId, string column, string? rawJson)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (rawJson is not null)
        {
            _ = System.Text.Json.Nodes.JsonNode.Parse(rawJson); // a test's typo shows here, not as a puzzling hub failure
        }

        store.ServeRaw(caseId, column, rawJson, org.Person.Id);
    }

    /// <summary>
    /// A person saves an edit of the case at the very moment the hub writes to it: the edit lands just before the
    /// hub's next PATCH of that case is handled, so the hub's ETag is stale (a real race, made repeatable).
    /// </summary>
    public void PersonEditsJustBeforeNextHubWrite(Guid caseId, string? title = null, string? description = null, int? priority = null) =>
        pendingRaces[caseId] = () => PersonEditsCase(caseId, title, description, priority);

    // ---- inspection ---------------------------------------------------------------------------

    public IReadOnlyList<SimulatedCase> Cases => store.Cases();

    public IReadOnlyList<SimulatedNote> Notes => store.Notes();

    public IReadOnlyList<SimulatedResolution> Resolutions => store.Resolutions();

    public SimulatedCase? FindCase(Guid id) => store.Find(id);

    public SimulatedCase? FindCaseByCorrelationKey(string key) => store.FindByKey(key);

    public IReadOnlyList<SimulatedNote> NotesOn(Guid caseId) => store.Notes().Where(n => n.CaseId == caseId).ToList();

    /// <summary>Every request to either endpoint, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => log.OrderBy(r => r.ArrivedAt).ToList();

    public IReadOnlyList<RecordedRequest> DataverseRequests => Requests.Where(r => r.Endpoint == "dataverse").ToList();

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Endpoint == "token").ToList();

    public int MaxConcurrentRequests => protection.MaxConcurrentSeen;

    public void ClearRequestLog() => log.Clear();

    // ---- faults -------------------------------------------------------------------------------

    /// <summary>The next <paramref name="count"/> Dataverse requests fail with <paramref name="status"/>.</summary>
    public void FailNextRequests(int count, int status = 503) => faults.FailNext(count, status);

    /// <summary>From now on a share of requests fails with 503, and every request takes <paramref name="latency"/>.</summary>
    public void FailShareOfRequests(double ratio, TimeSpan latency) => faults.FailShare(ratio, latency);

    /// <summary>
    /// The next <paramref name="method"/> request whose path starts with <paramref name="pathPrefix"/> is carried out,
    /// but the caller gets 504 instead of the answer (the answer got lost on the way back); the
    /// <paramref name="thenUnavailable"/> requests after it fail with 503 (the org out of reach for a moment).
    /// </summary>
    public void LoseAnswerToNext(string method, string pathPrefix, int thenUnavailable = 0) => faults.LoseAnswerToNext(method, pathPrefix, thenUnavailable);

    public void ClearFaults() => faults.Clear();

    /// <summary>The next <paramref name="responses"/> requests get 429 with Retry-After; requests inside a penalty get 429 again.</summary>
    public void ThrottleBurst(int responses, TimeSpan retryAfter) => protection.ForceBurst(responses, retryAfter);

    /// <summary>Every access token issued so far is refused from now on with 401.</summary>
    public void RevokeAccessTokens() => tokens.RevokeAll();

    /// <summary>Every delta token handed out so far expires (as after more than ExpireChangeTrackingInDays).</summary>
    public void ExpireDeltaTokens() => tracking.ExpiredBelowVersion = store.CurrentVersion + 1;

    /// <summary>The incident table stops tracking changes: the track-changes preference is ignored.</summary>
    public void DisableChangeTracking() => tracking.Enabled = false;

    /// <summary>The application user's security roles no longer grant this privilege (e.g. "prvWriteIncident").</summary>
    public void WithdrawPrivilege(string privilege) => org.AppUserPrivileges.Remove(privilege);

    /// <summary>The alternate key on the correlation column is missing (or, with a status, not yet Active).</summary>
    public void RemoveAlternateKey(string? status = null)
    {
        org.AlternateKeyDefined = status is not null;
        org.AlternateKeyStatus = status ?? "Active";
    }

    public void Dispose()
    {
        dataverse.Stop();
        dataverse.Dispose();
        entra.Stop();
        entra.Dispose();
        TokenEndpointCertificate.Dispose();
    }
}
