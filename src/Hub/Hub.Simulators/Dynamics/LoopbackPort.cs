using System.Net;
using System.Net.Sockets;
using WireMock.Exceptions;
using WireMock.Server;
using WireMock.Settings;

namespace Hub.Simulators.Dynamics;

/// <summary>Finds a free TCP port on 127.0.0.1, and starts servers on one (again on another if it was taken meanwhile).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static (WireMockServer Server, int Port) Start(Func<int, WireMockServerSettings> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Free();
            try
            {
                return (WireMockServer.Start(settings(port)), port);
            }
            catch (WireMockException) when (attempt < 5)
            {
                // another process took the port between finding and binding it: take another
            }
        }
    }
}
