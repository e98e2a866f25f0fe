using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// Stands between the hub and the real Postfix on loopback and, when told to, cuts the connection just as Postfix
/// answers "250 ... queued as ...": Postfix has taken the mail, the hub never hears so (a lost answer).
/// </summary>
internal sealed class SmtpProxyThatLosesAnswers : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int upstreamPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int answersToLose;

    public SmtpProxyThatLosesAnswers(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener.Start();
        accepting = AcceptAsync(stopping.Token);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many answers were lost so far.</summary>
    public int Lost { get; private set; }

    /// <summary>The next mail's answer is lost.</summary>
    public void LoseNextAnswer() => Interlocked.Exchange(ref answersToLose, 1);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var hub = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = RelayAsync(hub, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient hub, CancellationToken cancellationToken)
    {
        using (hub)
        using (var postfix = new TcpClient())
        {
            try
            {
                await postfix.ConnectAsync(IPAddress.Loopback, upstreamPort, cancellationToken);
                var toPostfix = hub.GetStream().CopyToAsync(postfix.GetStream(), cancellationToken);
                var toHub = AnswersAsync(postfix.GetStream(), hub.GetStream(), cancellationToken);
                await Task.WhenAny(toPostfix, toHub);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side hung up.
            }
        }
    }

    /// <summary>Passes Postfix's answers on line by line, until the one that says the mail is queued, if that is to be lost.</summary>
    private async Task AnswersAsync(Stream postfix, Stream hub, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(postfix, Encoding.Latin1);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("250", StringComparison.Ordinal) && line.Contains("queued as", StringComparison.Ordinal)
                && Interlocked.Exchange(ref answersToLose, 0) == 1)
            {
                Lost++;
                return;
            }

            var bytes = Encoding.Latin1.GetBytes(line + "\r\n");
            await hub.WriteAsync(bytes, cancellationToken);
            await hub.FlushAsync(cancellationToken);
        }
    }
}
