using System.Net;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Http;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>Turns a failed Dataverse response into an <see cref="AdapterException"/> an admin can act on.</summary>
internal static class DataverseFailure
{
    public static async Task<AdapterException> FromAsync(HttpResponseMessage response, string systemName, string action, TimeProvider time, CancellationToken cancellationToken)
    {
        var error = await DataverseError.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => AdapterException.Transient(systemName,
                $"Dynamics service protection limit while trying to {action}: {error}", RetryAfterHeader.Read(response, time) ?? TimeSpan.FromSeconds(5)),
            HttpStatusCode.Unauthorized => AdapterException.Permanent(systemName,
                $"Dynamics did not accept the hub's access token while trying to {action} (401): the app registration's credentials are wrong or expired, or no application user exists for the client id in this environment. {error}"),
            HttpStatusCode.Forbidden => AdapterException.Permanent(systemName,
                $"The hub's application user may not {action} (403): give it a security role with this privilege. {error}"),
            HttpStatusCode.NotFound => AdapterException.Permanent(systemName, $"Could not {action}: the record is gone (404). {error}"),
            HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                => AdapterException.Transient(systemName, $"Dynamics is unavailable while trying to {action} ({status}): {error}", RetryAfterHeader.Read(response, time)),
            _ when status >= 500 => AdapterException.Transient(systemName, $"Dynamics failed while trying to {action} ({status}): {error}"),
            _ => AdapterException.Permanent(systemName, $"Dynamics refused to {action} ({status}): {error}"),
        };
    }
}
