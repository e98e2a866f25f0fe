using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Host.Audit;

/// <summary>
/// Wires the auditor's view into the hub's host: the journal keys, scheduled journal verification with its health check, the
/// read-only API with API-key access and (when Hub:Api:OpenApi is on) its OpenAPI document, and the chain page. Needs <c>HubDatabase</c>
/// registered as a singleton (the host registers it for the engine).
/// </summary>
internal static class AuditRegistration
{
    public static IServiceCollection AddHubAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, AuditOptionsValidation>());
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateOnStart();

        services.TryAddSingleton(provider => JournalKeyFiles.Load(
            provider.GetRequiredService<IOptions<AuditOptions>>().Value, provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<JournalVerificationState>();
        services.AddSingleton<JournalVerificationService>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalVerificationService>());
        services.AddHealthChecks().AddCheck<JournalHealthCheck>("journal", tags: ["audit"]);

        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ReporterLinks>();
        services.AddProblemDetails();
        if (AuditOpenApi.IsOn(configuration))
        {
            AuditOpenApi.Add(services);
        }

        return services;
    }


    /// <summary>
    /// Maps GET /api/cases, /api/cases/{id}, /api/cases/{id}/events, /api/cases/{id}/journey, /api/events,
    /// /openapi/v1.json when Hub:Api:OpenApi is on (all behind the X-Api-Key gate), the chain page at /chain/{caseId} and /chain?ref=, and the
    /// reporter's page at /journey/{token} (its token is its permission; 404 while Hub:Api:ReporterLinks is off).
    /// </summary>
    public static WebApplication MapHubAudit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(ApiKeyGate.Guards, gated => gated.UseMiddleware<ApiKeyGate>());
        AuditApi.Map(app);
        JourneyApi.Map(app);
        if (AuditOpenApi.IsOn(app.Configuration))
        {
            AuditOpenApi.Map(app);
        }

        ChainPage.Map(app);
        ReporterPage.Map(app);
        return app;
    }
}
