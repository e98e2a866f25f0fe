using System.Runtime.CompilerServices;

namespace Hub.Host.Audit;

/// <summary>
/// The audit API's OpenAPI document at /openapi/v1.json, only when <c>Hub:Api:OpenApi</c> is true. Off, the service
/// does not load ASP.NET Core's OpenAPI, Microsoft.OpenApi or MVC's API explorer at all (several MB of a resident
/// working set that a poll-and-dispatch service does not use; docs/performance/memory-load-less.md). The calls live
/// here, not inlined into the registration, so that the assemblies are not even resolved when it is off.
/// </summary>
internal static class AuditOpenApi
{
    public const string Key = ApiOptions.Section + ":OpenApi";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Key);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecurityScheme>());

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Map(IEndpointRouteBuilder app) => app.MapOpenApi();
}
