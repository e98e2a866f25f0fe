using System.Text.Json;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Readiness;
using Hub.Adapters.ServiceNow.Reading;
using Hub.Adapters.ServiceNow.Writing;
using Refit;

namespace Hub.Adapters.ServiceNow;

/// <summary>
/// Makes the adapter of each system configured with <c>Adapter = ServiceNow</c> from its validated options: its resilient
/// HTTP client (own circuit breaker; Basic authentication, or an OAuth access token, on every attempt; retry settings
/// under <c>Hub:Systems:&lt;name&gt;:Http</c>) and the readers and writers over it.
/// </summary>
internal sealed class ServiceNowAdapterFactory : IAdapterFactory
{
    public const string Type = "ServiceNow";

    public string AdapterType => Type;

    public ISystemAdapter Create(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.OptionsOf<ServiceNowOptions>();
        var instance = new Uri(options.InstanceUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
        var circuit = new SystemCircuit();
        var clients = new List<IDisposable>();
        DelegatingHandler signIn;
        if (options.Authentication == ServiceNowAuthentication.Basic)
        {
            signIn = new BasicAuthenticationHandler(options.Username, options.Password);
        }
        else
        {
#pragma warning disable CA2000 // The adapter owns and disposes the token client.
            var tokenClient = SystemHttpClient.Create(context.SystemName, instance, options.Http, context.Time, new SystemCircuit(), []);
#pragma warning restore CA2000
            clients.Add(tokenClient);
            var tokens = new OAuthTokenSource(tokenClient, options, context.SystemName, context.KeyOf, context.Time);
            clients.Add(tokens);
            signIn = new BearerTokenHandler(tokens.GetTokenAsync);
        }

#pragma warning disable CA2000 // The HttpClient owns the handler; the adapter owns and disposes the HttpClient.
        var client = SystemHttpClient.Create(context.SystemName, instance, options.Http, context.Time, circuit, [signIn]);
#pragma warning restore CA2000
        clients.Add(client);
        var api = RestService.For<ITableApi>(client, new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        var calls = new TableCalls(api, context.SystemName, options, context.KeyOf, context.Time);
        var logger = context.LoggerFactory.CreateLogger("Hub.Adapters.ServiceNow");
        var references = new ReferenceLookup(calls);
        var finder = new IncidentFinder(calls);
        return new ServiceNowAdapter(
            context.SystemName,
            clients,
            circuit,
            new IncidentChangeReader(calls, new IncidentTranslation(options.EchoUser), context.Time, logger),
            finder,
            new IncidentCreator(calls, finder, references, logger),
            new IncidentUpdater(calls, new JournalGuard(calls, context.Time), context.AppointmentSentence, logger),
            new ServiceNowReadiness(context.SystemName, calls, references, context.Mappings));
    }
}
