using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>
/// A TCP port on 127.0.0.1 that nothing listens on right now: for a server the test starts there (the hub's API, a
/// private PostgreSQL, Dovecot, Postfix), or for a peer that must not answer. It is drawn at random below the
/// operating system's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768 and up by default), so an
/// outgoing connection of a test running alongside cannot be given it between this check and the server's bind, as
/// happened with ports the system picked (a hub failing to start with "address already in use"). A port is handed
/// out once per test process. Another process may still take it; a server the test writes itself should bind port 0.
/// </summary>
public static class FreeLoopbackPort
{
    private const int Lowest = 10000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Find()
    {
        var highest = EphemeralRangeStart() - 1;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Where the ports the system gives outgoing connections begin: Linux's setting, else 32768 (Windows starts at 49152).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var low, ..]
            && int.TryParse(low, System.Globalization.CultureInfo.InvariantCulture, out var start)
            && start > Lowest + 1000)
        {
            return start;
        }

        return 32768;
    }
}
