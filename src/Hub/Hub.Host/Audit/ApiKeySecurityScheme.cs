using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Host.Audit;

/// <summary>Tells readers of /openapi/v1.json that every operation needs the X-Api-Key header.</summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    private const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Hub audit API (read-only)";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyGate.Header,
            Description = $"An API key whose SHA-256 hash is listed in {ApiOptions.Section}:ApiKeyHashes (see `hub apikey`).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
