using System.Collections.Concurrent;
using System.Net;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A tiny OTLP/HTTP collector on loopback: it takes every export (protobuf) the hub posts, keeps the bodies by path
/// (/v1/traces, /v1/metrics) and answers 200 with an empty response message.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> exports = new();
    private readonly Task receiving;

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreeLoopbackPort.Find()}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT names.</summary>
    public Uri Endpoint { get; }

    /// <summary>The bodies posted to a path so far.</summary>
    public IReadOnlyList<byte[]> Bodies(string path) => exports.Where(e => e.Path == path).Select(e => e.Body).ToList();

    /// <summary>Whether any export to the path holds the text (protobuf keeps strings as plain UTF-8).</summary>
    public bool Holds(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Bodies(path).Any(body => body.AsSpan().IndexOf(bytes) >= 0);
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            exports.Enqueue((context.Request.Url?.AbsolutePath ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }
}
