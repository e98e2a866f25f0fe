using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Simulators.Dynamics;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>The simulated org holds the rules of the real one that the adapter (and the sandbox) rely on.</summary>
public sealed class SimulatorBehaviourTests : IDisposable
{
    private readonly DynamicsSimulator simulator = new();

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(simulator.ApiUrl + "WhoAmI"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer authorization_uri=", response.Headers.NonValidated["WWW-Authenticate"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_by_patching_statecode_is_refused_with_the_CloseIncident_message()
    {
        var row = simulator.PersonCreatesCase("Broken tap");
        using var client = await SignedInClientAsync();

        using var response = await client.PatchAsync(new Uri($"{simulator.ApiUrl}incidents({row.Id})"),
            new StringContent("{\"statecode\":1,\"statuscode\":5}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith("use the CloseIncidentRequest message instead.", await ErrorMessageAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, simulator.FindCase(row.Id)!.StateCode);
    }

    [Fact]
    public async Task Change_tracking_refuses_a_filter_like_Dataverse()
    {
        using var client = await SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.ApiUrl + "incidents?$select=title&$filter=statecode eq 0"));
        request.Headers.TryAddWithoutValidation("Prefer", "odata.track-changes");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The \"$filter\" query parameter isn't supported when Change Tracking is enabled.", await ErrorMessageAsync(response));
    }

    [Fact]
    public async Task Rows_carry_an_etag_and_formatted_values_when_asked()
    {
        var row = simulator.PersonCreatesCase("Broken tap", priority: 1);
        using var client = await SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{simulator.ApiUrl}incidents({row.Id})?$select=title,prioritycode,statuscode"));
        request.Headers.TryAddWithoutValidation("Prefer", "odata.include-annotations=\"*\"");

        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = json.RootElement;
        Assert.Equal(row.ETag, root.GetProperty("@odata.etag").GetString());
        Assert.Equal("High", root.GetProperty("prioritycode@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.Equal("In Progress", root.GetProperty("statuscode@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.EndsWith("$metadata#incidents/$entity", root.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("description", out _));
    }

    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetProperty("message").GetString();
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        var pinned = simulator.TokenEndpointCertificate.GetCertHash(HashAlgorithmName.SHA256);
        using var tokenClient = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).SequenceEqual(pinned),
            },
        });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = simulator.ClientId,
            ["client_secret"] = simulator.ClientSecret,
            ["scope"] = simulator.Url.ToString().TrimEnd('/') + "/.default",
        });
        using var response = await tokenClient.PostAsync(new Uri(simulator.Authority, $"{simulator.TenantId}/oauth2/v2.0/token"), form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public void Dispose() => simulator.Dispose();
}
