using System.Net.Sockets;
using Hub.Abstractions.Adapters;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Identity.Client;

namespace Hub.Adapters.Email.Transport;

/// <summary>Classifies what went wrong talking to a mail server, for the engine: retry later, or an admin must act.</summary>
internal static class MailFailure
{
    public static AdapterException From(string systemName, string server, Exception error) => error switch
    {
        AdapterException adapter => adapter,
        AuthenticationException => AdapterException.Permanent(systemName,
            $"{server} refused the sign-in: the credentials are wrong or expired.", error),
        MsalServiceException msal when msal.ErrorCode is "invalid_client" or "unauthorized_client" or "invalid_request" =>
            AdapterException.Permanent(systemName,
                $"Entra ID refused the hub's client credentials for {server} ({msal.ErrorCode}): the client id or secret is wrong or expired."),
        MsalException msal => AdapterException.Transient(systemName, $"Getting a token for {server} failed ({msal.ErrorCode}).", inner: error),
        SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } smtp => AdapterException.Permanent(systemName,
            $"{server} refused the mail: {(int)smtp.StatusCode} {smtp.Message}", error),
        SmtpCommandException smtp => AdapterException.Transient(systemName,
            $"{server} deferred the mail: {(int)smtp.StatusCode} {smtp.Message}", inner: error),
        ImapCommandException imap => AdapterException.Transient(systemName, $"{server} answered {imap.Response}: {imap.ResponseText}", inner: error),
        SslHandshakeException { ServerCertificate: not null } tls => AdapterException.Transient(systemName,
            $"{server} presented a certificate this machine does not trust for that name ({tls.ServerCertificate.Subject}). " +
            "If the server uses a private CA or a self-signed certificate, set the system's Smtp:CertificateFile or Imap:CertificateFile to it.", inner: error),
        SocketException or IOException or TimeoutException or ProtocolException or ServiceNotConnectedException or SslHandshakeException =>
            AdapterException.Transient(systemName, $"{server} cannot be reached: {error.Message}", inner: error),
        UnauthorizedAccessException => AdapterException.Transient(systemName, $"{server} cannot be used: {error.Message}", inner: error),
        _ => AdapterException.Transient(systemName, $"{server} failed: {error.Message}", inner: error),
    };

    /// <summary>Runs a mail operation and turns any failure except cancellation into an <see cref="AdapterException"/>.</summary>
    public static async Task<T> GuardAsync<T>(string systemName, string server, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException timeout)
        {
            throw AdapterException.Transient(systemName, $"{server} did not answer in time.", inner: timeout);
        }
        catch (Exception error) when (error is not AdapterException and not OutOfMemoryException)
        {
            throw From(systemName, server, error);
        }
    }
}
