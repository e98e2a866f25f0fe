using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>
/// A TCP port on 127.0.0.1 that nothing listens on right now: for a server the test starts there (the hub's API, a
/// private PostgreSQL, Dovecot, Postfix), or for a peer that must not answer. The operating system picks it, so
/// another process may take it before the test binds it; a server the test writes itself should bind port 0 instead.
/// </summary>
public static class FreeLoopbackPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
