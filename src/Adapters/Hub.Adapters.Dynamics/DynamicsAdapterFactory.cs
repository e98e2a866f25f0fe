using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Hub.Adapters.Dynamics.Auth;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Readiness;
using Hub.Adapters.Dynamics.Reading;
using Hub.Adapters.Dynamics.Writing;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;
using Refit;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// Makes Dynamics adapters (<c>Adapter = "Dynamics"</c>). Adapters of the same org and app registration share one
/// session: the token cache, the service protection gate and the app user's id.
/// </summary>
internal sealed class DynamicsAdapterFactory : IAdapterFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, DynamicsOrgSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IDisposable> owned = [];

    public const string Type = "Dynamics";

    public string AdapterType => Type;

    public ISystemAdapter Create(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.OptionsOf<DynamicsOptions>();
        var logger = context.LoggerFactory.CreateLogger<DynamicsAdapter>();
        var session = sessions.GetOrAdd(SessionKey(options), _ => NewSession(options, context));

        var handlers = new DelegatingHandler[]
        {
            new ODataHeadersHandler(),
            new BearerTokenHandler(session.Tokens.GetTokenAsync),
            new ServiceProtectionHandler(session.Gate, context.SystemName, context.Time),
        };
#pragma warning disable CA2000 // The adapter owns and disposes the client, which owns the handlers.
        var http = SystemHttpClient.Create(context.SystemName, options.ApiUrl, options.Http, context.Time, session.Circuit, handlers,
            new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
#pragma warning restore CA2000
        var api = RestService.For<IDataverseApi>(http);
        var connection = new DataverseConnection(api, http, session, options, context.SystemName, context.Time);
        var mapper = AdapterMapper.CreateConfiguration(context, new DynamicsProfile(options)).CreateMapper();
        var translator = new ChangeTranslator(mapper, context.Time);
        var keyCheck = new AlternateKeyCheck(connection, context.KeyOf(nameof(options.CorrelationKeyColumn)));
        return new DynamicsAdapter(
            connection,
            new CaseChangeReader(connection, translator, logger),
            new NoteChangeReader(connection, translator),
            new CaseCreator(connection, mapper),
            new CaseUpdater(connection, mapper, context.AppointmentSentence, logger),
            keyCheck,
            new DynamicsReadiness(connection, keyCheck, context.Configuration.Path),
            http);
    }

    public void Dispose()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private DynamicsOrgSession NewSession(DynamicsOptions options, SystemContext context)
    {
        PinnedCertificateHttpClientFactory? pinned = null;
        var certificate = options.TokenEndpointCertificateFile.Length > 0 ? TokenEndpointCertificateFile.Load(options.TokenEndpointCertificateFile) : null;
        if (certificate is not null)
        {
            pinned = new PinnedCertificateHttpClientFactory(certificate);
            owned.Add(pinned);
        }

        var tokens = new EntraTokenSource(options, context.SystemName, pinned, context.Time);
        var gate = new ServiceProtectionGate(options.RequestBudget, options.MaxConcurrency, options.Http.MaxInlineRetryAfter, context.Time);
        return new DynamicsOrgSession(tokens, gate);
    }

    /// <summary>One session per org, authority, tenant, client and secret (the secret only as a hash, in memory).</summary>
    private static string SessionKey(DynamicsOptions options)
    {
        var secret = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.ClientSecret)));
        return string.Join('|', options.ApiUrl, options.AuthorityUrl, options.TenantId, options.ClientId, secret,
            options.RequestBudget, options.MaxConcurrency);
    }
}
