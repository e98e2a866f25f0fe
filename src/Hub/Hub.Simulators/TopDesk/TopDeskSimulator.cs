using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Net.Sockets;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.Simulators.TopDesk;

/// <summary>
/// A TOPdesk tenant on a free loopback port, behaving like the real REST API in the ways the hub relies on:
/// Basic authentication with an operator's application password, incidents with their progress entries,
/// FIQL selection and 206/204 paging, look-up lists, archived incidents refusing changes (403), and both error
/// shapes. People act through <see cref="LogIncident"/>, <see cref="AddAction"/> and
/// <see cref="ChangeProcessingStatus"/>; tests inspect and inject faults.
/// </summary>
public sealed class TopDeskSimulator : IDisposable
{
    private readonly WireMockServer server;
    private readonly TopDeskTenant tenant;
    private readonly TopDeskFaults faults = new();
    private readonly TopDeskApi api;

    public TopDeskSimulator(TopDeskSimulatorOptions? options = null)
    {
        options ??= new TopDeskSimulatorOptions();
        Username = options.Username;
        ApplicationPassword = options.ApplicationPassword;
        tenant = new TopDeskTenant(options);
        api = new TopDeskApi(tenant, faults, options.Username, options.ApplicationPassword);
        server = StartOnFreeLoopbackPort(() => tenant.Now);
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(api.HandleAsync));
    }

    /// <summary>The tenant's address (what the hub's BaseUrl is set to), e.g. http://127.0.0.1:51234.</summary>
    public string Url => server.Url ?? throw new InvalidOperationException("The simulated TOPdesk is not running.");

    public string Username { get; }
    public string ApplicationPassword { get; }

    /// <summary>The operator the hub's login belongs to.</summary>
    public SimulatedRef HubOperator => tenant.HubOperator;

    /// <summary>The service-desk employee who acts as "a person" in TOPdesk.</summary>
    public SimulatedRef StaffOperator => tenant.StaffOperator;

    public IReadOnlyList<SimulatedIncident> Incidents
    {
        get
        {
            lock (tenant.Gate)
            {
                return [.. tenant.Incidents];
            }
        }
    }

    public IReadOnlyList<SimulatedRequest> Requests => api.Log;

    /// <summary>The most requests answered at the same moment since the request log was last cleared.</summary>
    public int MostRequestsInFlight => api.MostInFlight;

    public IReadOnlyList<string> ProcessingStatusNames
    {
        get
        {
            lock (tenant.Gate)
            {
                return [.. tenant.Lookups.Statuses.Select(s => s.Ref.Name)];
            }
        }
    }

    /// <summary>The hub settings of a system that talks to this simulator, keyed "Hub:Systems:&lt;name&gt;:...".</summary>
    public IReadOnlyDictionary<string, string?> SettingsFor(string systemName) => new Dictionary<string, string?>
    {
        [$"Hub:Systems:{systemName}:Adapter"] = "TopDesk",
        [$"Hub:Systems:{systemName}:BaseUrl"] = Url,
        [$"Hub:Systems:{systemName}:Username"] = Username,
        [$"Hub:Systems:{systemName}:ApplicationPassword"] = ApplicationPassword,
    };

    public SimulatedIncident Incident(string idOrNumber)
    {
        lock (tenant.Gate)
        {
            return tenant.Incidents.FirstOrDefault(i => i.Id == idOrNumber || i.Number == idOrNumber)
                   ?? throw new ArgumentException($"The simulated TOPdesk has no incident {idOrNumber}.", nameof(idOrNumber));
        }
    }

    public IReadOnlyList<SimulatedAction> ActionsOf(string incidentId)
    {
        lock (tenant.Gate)
        {
            return [.. tenant.Get(incidentId).Actions];
        }
    }

    /// <summary>A service-desk employee logs an incident in TOPdesk's own screens.</summary>
    public SimulatedIncident LogIncident(SimulatedIncidentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (tenant.Gate)
        {
            var category = draft.Category is null ? null : tenant.CategoryNamed(draft.Category);
            var subcategory = draft.Subcategory is null ? null : tenant.SubcategoryNamed(draft.Subcategory, category);
            var incident = tenant.NewIncident(tenant.StaffOperator);
            incident.BriefDescription = draft.BriefDescription;
            incident.Request = draft.Request is null ? string.Empty : TopDeskHtml.FromTyped(draft.Request);
            incident.Category = category ?? (subcategory is null ? null : tenant.Lookups.Subcategories.First(s => s.Subcategory == subcategory).Category);
            incident.Subcategory = subcategory;
            incident.Priority = draft.Priority is null ? tenant.Lookups.DefaultPriority
                : tenant.Lookups.Priorities.FirstOrDefault(p => string.Equals(p.Name, draft.Priority, StringComparison.OrdinalIgnoreCase))
                  ?? throw new ArgumentException($"No priority '{draft.Priority}'.", nameof(draft));
            incident.ProcessingStatus = draft.ProcessingStatus is null ? tenant.Lookups.Statuses.First(s => s.IsDefault).Ref : tenant.ProcessingStatusNamed(draft.ProcessingStatus).Ref;
            incident.CallerName = draft.CallerName;
            incident.CallerEmail = draft.CallerEmail;
            incident.CallerPhone = draft.CallerPhone;
            incident.CallerLocation = draft.Location is null ? null : TopDeskLookupSeed.Ref(draft.Location);
            incident.ExternalNumber = draft.ExternalNumber ?? string.Empty;
            incident.TargetDate = draft.TargetDate;
            return incident;
        }
    }

    /// <summary>A service-desk employee writes a progress entry (typed text, stored as TOPdesk's HTML).</summary>
    public SimulatedAction AddAction(string incidentId, string text, bool invisibleForCaller = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (tenant.Gate)
        {
            return tenant.AddAction(tenant.Get(incidentId), TopDeskHtml.FromTyped(text), invisibleForCaller, tenant.StaffOperator);
        }
    }

    /// <summary>A service-desk employee picks another processing status.</summary>
    public void ChangeProcessingStatus(string incidentId, string statusName)
    {
        lock (tenant.Gate)
        {
            var incident = tenant.Get(incidentId);
            incident.ProcessingStatus = tenant.ProcessingStatusNamed(statusName).Ref;
            incident.Touch(tenant.Now, tenant.StaffOperator);
        }
    }

    /// <summary>
    /// <paramref name="hook"/> runs after each page of <c>GET /incidents</c> is made and before the hub receives it, with
    /// the page's number (1 = the first served since): people change incidents while the hub pages through them.
    /// </summary>
    public void BetweenIncidentPages(Action<int> hook) => api.AfterIncidentPage = hook;

    /// <summary>
    /// From now on the incident is served with <paramref name="field"/> as this raw JSON instead of its value, e.g.
    /// <c>5</c> for a priority that should be <c>{"id", "name"}</c> or <c>"gisteren"</c> for a date (what a tenant
    /// customisation or a TOPdesk bug can send); null serves the field's value again. Its modification date moves.
    /// </summary>
    public void ServeFieldAsRawJson(string incidentId, string field, string? rawJson)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (rawJson is not null)
        {
            _ = System.Text.Json.Nodes.JsonNode.Parse(rawJson); // a test's typo shows here, not as a puzzling hub failure
        }

        lock (tenant.Gate)
        {
            var incident = tenant.Get(incidentId);
            incident.ServeRaw(field, rawJson);
            incident.Touch(tenant.Now, tenant.StaffOperator);
        }
    }

    /// <summary>
    /// An admin takes the incident rights from the hub's operator: no call-operator tasks, and every incident endpoint
    /// answers 403 "No permission to access the data" (as TOPdesk does for an operator whose permission group lacks them).
    /// </summary>
    public void WithdrawIncidentRights()
    {
        lock (tenant.Gate)
        {
            tenant.HubOperatorHasIncidentRights = false;
        }
    }

    /// <summary>An employee archives an incident: it leaves the default list and refuses changes (403).</summary>
    public void Archive(string incidentId)
    {
        lock (tenant.Gate)
        {
            var incident = tenant.Get(incidentId);
            incident.Archived = true;
            incident.Touch(tenant.Now, tenant.StaffOperator);
        }
    }

    /// <summary>An application manager adds a processing status to the tenant's search list.</summary>
    public SimulatedRef AddProcessingStatus(string name)
    {
        lock (tenant.Gate)
        {
            var status = new TopDeskProcessingStatus(TopDeskLookupSeed.Ref(name), false, "in_progress", false);
            tenant.Lookups.Statuses.Add(status);
            return status.Ref;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests (only those with <paramref name="method"/>, when given) fail with this
    /// status and an error body of this shape; a message starting "field: " names that field in the errors shape.
    /// </summary>
    public void FailNextRequests(int count, int statusCode = 503, TopDeskErrorShape shape = TopDeskErrorShape.MessageList,
        string message = "Service temporarily unavailable", string? method = null) =>
        faults.FailNext(count, statusCode, shape, message, method);

    /// <summary>Every request fails with 503 until <see cref="ClearFaults"/>.</summary>
    public void MakeUnavailable() => faults.FailNext(int.MaxValue, 503, TopDeskErrorShape.MessageList, "Service temporarily unavailable", null);

    /// <summary>The next <paramref name="count"/> writes are carried out, but their answer is lost (a 5xx instead).</summary>
    public void LoseAnswersToNextWrites(int count, int statusCode = 502) => faults.LoseAnswers(count, statusCode);

    /// <summary>The next <paramref name="count"/> requests are refused with 429 and Retry-After.</summary>
    public void ThrottleNextRequests(int count, TimeSpan retryAfter) => faults.Throttle(count, retryAfter);

    /// <summary>From now on a share of requests fails with 503, and every request takes at least the latency.</summary>
    public void SetFailureRatio(double ratio, TimeSpan latency, int seed = 1) => faults.Flaky(ratio, latency, seed);

    public void ClearFaults() => faults.Clear();

    public void ClearRequestLog() => api.ClearLog();

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    /// <summary>
    /// Starts the server; every answer carries the tenant's clock as its Date, as a real tenant's answers carry the
    /// clock its modification dates come from (set as the answer starts, after the server's own Date).
    /// </summary>
    private static WireMockServer StartOnFreeLoopbackPort(Func<DateTimeOffset> now)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"],
                    StartAdminInterface = false,
                    DisableJsonBodyParsing = true,
                    ReadStaticMappings = false,
                    MaxRequestLogCount = 100,
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
                    {
                        context.Response.OnStarting(() =>
                        {
                            context.Response.Headers.Date = now().ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
                            return Task.CompletedTask;
                        });
                        await next(context);
                    }),
                });
            }
            catch (IOException) when (attempt < 5)
            {
                // the port was taken between finding and binding it: try another
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
