using System.Net.Http.Headers;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>The headers every Dataverse Web API request carries (OData 4.0, JSON, no cached expansions).</summary>
internal sealed class ODataHeadersHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        if (!request.Headers.Contains("If-None-Match"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "null");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
