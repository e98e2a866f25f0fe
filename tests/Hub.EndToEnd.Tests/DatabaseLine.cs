using System.Net;
using System.Net.Sockets;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A node's own line to the database: a TCP relay on loopback in front of the PostgreSQL server, which the test can cut
/// for a while as a network partition would. While cut, every open connection is broken and every new one is closed
/// as it arrives, so nothing of the node reaches the database (ending its sessions from the server's side left gaps:
/// a fresh connection could check in between two sweeps).
/// </summary>
internal sealed class DatabaseLine : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint server;
    private readonly CancellationTokenSource closing = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;
    private volatile bool cut;
    private long broken;

    public DatabaseLine(string host, int port)
    {
        server = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        listener.Start();
        accepting = AcceptAsync(closing.Token);
    }

    /// <summary>The port the node connects to instead of the server's.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections broken or refused while cut.</summary>
    public long Broken => Interlocked.Read(ref broken);

    /// <summary>Cuts the line for <paramref name="duration"/>, then lets new connections through again.</summary>
    public async Task CutAsync(TimeSpan duration)
    {
        cut = true;
        lock (open)
        {
            foreach (var client in open)
            {
                client.Client.Close(0); // a reset, not a goodbye
                Interlocked.Increment(ref broken);
            }

            open.Clear();
        }

        await Task.Delay(duration);
        cut = false;
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        lock (open)
        {
            open.ForEach(client => client.Dispose());
            open.Clear();
        }

        closing.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var node = await listener.AcceptTcpClientAsync(cancellationToken);
            if (cut)
            {
                node.Client.Close(0);
                Interlocked.Increment(ref broken);
                continue;
            }

            _ = RelayAsync(node, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient node, CancellationToken cancellationToken)
    {
        using var database = new TcpClient();
        try
        {
            await database.ConnectAsync(server, cancellationToken);
            lock (open)
            {
                open.Add(node);
                open.Add(database);
            }

            await Task.WhenAny(CopyAsync(node, database, cancellationToken), CopyAsync(database, node, cancellationToken));
        }
        catch (Exception failure) when (failure is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the line was cut or the test is over: both ends close below
        }
        finally
        {
            lock (open)
            {
                open.Remove(node);
                open.Remove(database);
            }

            node.Dispose();
        }
    }

    private static async Task CopyAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception failure) when (failure is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
