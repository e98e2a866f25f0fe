using AutoMapper;
using Hub.Adapters.TopDesk.Api;
using Hub.Adapters.TopDesk.Lookups;
using Hub.Adapters.TopDesk.Mapping;
using Hub.Adapters.TopDesk.Readiness;
using Hub.Adapters.TopDesk.Reading;
using Hub.Adapters.TopDesk.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Refit;

namespace Hub.Adapters.TopDesk;

/// <summary>
/// Makes the adapter of each system configured with <c>Adapter = TopDesk</c> from its validated options: builds its resilient HTTP client (own circuit breaker, Basic authentication on every attempt; retry settings
/// under <c>Hub:Systems:&lt;name&gt;:Http</c>) and its AutoMapper profile.
/// </summary>
internal sealed class TopDeskAdapterFactory : IAdapterFactory
{
    public const string Type = "TopDesk";
    private const string ApiPath = "/tas/api";

    public string AdapterType => Type;

    public ISystemAdapter Create(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.OptionsOf<TopDeskOptions>();
        var circuit = new SystemCircuit();
#pragma warning disable CA2000 // The HttpClient owns the handler; the adapter owns and disposes the HttpClient.
        var client = SystemHttpClient.Create(context.SystemName, ApiAddressOf(options.BaseUrl), options.Http, context.Time, circuit,
            [new BasicAuthenticationHandler(options.Username, options.ApplicationPassword)]);
#pragma warning restore CA2000
        var api = RestService.For<ITopDeskApi>(client, new RefitSettings(new SystemTextJsonContentSerializer(TopDeskJson.Options)));
        IMapper mapper = AdapterMapper.CreateConfiguration(context, new TopDeskProfile(options)).CreateMapper();

        var logger = context.LoggerFactory.CreateLogger("Hub.Adapters.TopDesk");
        var calls = new TopDeskCalls(context.SystemName, options.Username, context.KeyOf(nameof(options.ApplicationPassword)), context.Time);
        var lookups = new TopDeskLookups(api, calls);
        var finder = new IncidentFinder(api, calls);
        return new TopDeskAdapter(
            context.SystemName,
            client,
            circuit,
            api,
            calls,
            new IncidentChangeReader(api, calls, lookups, mapper, options, context.Time, logger),
            finder,
            new IncidentCreator(api, calls, lookups, finder, mapper, options, logger),
            new IncidentUpdater(api, calls, lookups, new ProgressEntryGuard(api, calls, lookups, context.Time), context.AppointmentSentence, logger),
            new TopDeskReadiness(context.SystemName, api, calls, lookups, options, context.Mappings, context.Configuration.Path));
    }

    /// <summary>https://acme.topdesk.net (or …/tas/api, with or without a slash) → https://acme.topdesk.net/tas/api.</summary>
    internal static Uri ApiAddressOf(string baseUrl)
    {
        var trimmed = baseUrl.Trim().TrimEnd('/');
        if (!trimmed.EndsWith(ApiPath, StringComparison.OrdinalIgnoreCase))
        {
            trimmed += ApiPath;
        }

        return new Uri(trimmed, UriKind.Absolute);
    }
}
