using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Hub.Testing;

/// <summary>
/// One HTTP/1.1 request written by hand on a TCP connection, for what HttpClient will not do: announce a body and
/// not send it, or send a chunked body that never ends, then see whether (and how soon) the server answers.
/// </summary>
public sealed class RawHttpCall : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly List<byte> received = [];

    private RawHttpCall(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
    }

    /// <summary>What came back: the interim answers (100 Continue) first, then the final status and its body.</summary>
    public sealed record Answer(IReadOnlyList<int> Interim, int Status, string Body);

    /// <summary>Connects and writes the request line and headers (Host is added); the body is up to the caller.</summary>
    public static async Task<RawHttpCall> StartAsync(Uri server, string path, IEnumerable<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var call = new RawHttpCall(client);
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await call.stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        return call;
    }

    /// <summary>Writes body bytes as they are; false when the server has closed the connection already.</summary>
    public async Task<bool> TryWriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Writes one chunk of a chunked body; false when the server has closed the connection already.</summary>
    public Task<bool> TryWriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
        TryWriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{chunk.Length:x}\r\n")).Concat(chunk.ToArray()).Concat("\r\n"u8.ToArray()).ToArray(), cancellationToken);

    /// <summary>Reads the answer; throws OperationCanceledException when none comes before the token fires.</summary>
    public async Task<Answer> ReadAnswerAsync(CancellationToken cancellationToken)
    {
        var interim = new List<int>();
        while (true)
        {
            var status = int.Parse((await ReadLineAsync(cancellationToken)).Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var line = await ReadLineAsync(cancellationToken); line.Length > 0; line = await ReadLineAsync(cancellationToken))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            if (status is >= 100 and < 200)
            {
                interim.Add(status);
                continue;
            }

            return new Answer(interim, status, await ReadBodyAsync(headers, cancellationToken));
        }
    }

    private async Task<string> ReadBodyAsync(Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var body = new List<byte>();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body.AddRange(await ReadBytesAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            for (var size = await ReadChunkSizeAsync(cancellationToken); size > 0; size = await ReadChunkSizeAsync(cancellationToken))
            {
                body.AddRange(await ReadBytesAsync(size, cancellationToken));
                await ReadLineAsync(cancellationToken);
            }

            await ReadLineAsync(cancellationToken);
        }

        return Encoding.UTF8.GetString(body.ToArray());
    }

    private async Task<int> ReadChunkSizeAsync(CancellationToken cancellationToken) =>
        int.Parse((await ReadLineAsync(cancellationToken)).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = 1; i < received.Count; i++)
            {
                if (received[i - 1] == '\r' && received[i] == '\n')
                {
                    var line = Encoding.ASCII.GetString(received.GetRange(0, i - 1).ToArray());
                    received.RemoveRange(0, i + 1);
                    return line;
                }
            }

            await ReceiveAsync(cancellationToken);
        }
    }

    private async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
    {
        while (received.Count < count)
        {
            await ReceiveAsync(cancellationToken);
        }

        var bytes = received.GetRange(0, count).ToArray();
        received.RemoveRange(0, count);
        return bytes;
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            throw new IOException("The server closed the connection before its answer was complete.");
        }

        received.AddRange(buffer.AsSpan(0, read));
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        client.Dispose();
    }
}
