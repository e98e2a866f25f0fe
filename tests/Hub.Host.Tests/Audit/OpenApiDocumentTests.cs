using System.Net;
using Hub.Host.Audit;

namespace Hub.Host.Tests.Audit;

/// <summary>The audit API's OpenAPI document is served only when Hub:Api:OpenApi turns it on (AuditApiTests read it on).</summary>
public sealed class OpenApiDocumentTests : SeededChainTests
{
    [Fact]
    public async Task When_Hub_Api_OpenApi_is_not_set_the_document_is_not_served_and_the_api_still_answers()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, new Dictionary<string, string?>
        {
            ["Hub:Api:ApiKeyHashes:0"] = ApiKeyHash.Of(AuditWebHost.ApiKey),
        });

        using var document = await host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "/openapi/v1.json"));
        using var events = await host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "/api/events"));

        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
    }

    [Fact]
    public async Task When_Hub_Api_OpenApi_is_not_set_a_request_for_the_document_without_a_key_is_still_refused()
    {
        await using var host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, new Dictionary<string, string?>
        {
            ["Hub:Api:ApiKeyHashes:0"] = ApiKeyHash.Of(AuditWebHost.ApiKey),
        });

        using var document = await host.Client.SendAsync(AuditWebHost.Request(HttpMethod.Get, "/openapi/v1.json", key: null));

        Assert.Equal(HttpStatusCode.Unauthorized, document.StatusCode);
    }
}
