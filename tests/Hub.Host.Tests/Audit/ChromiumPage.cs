using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// One tab of a real headless Chromium, driven over the DevTools protocol (a WebSocket on loopback): open a page at a
/// given viewport, wait until its script says it is done, evaluate expressions in it (clicks included) and take
/// full-page screenshots. For what <see cref="HeadlessChromium.DumpDomAsync"/> cannot do: interact and look.
/// </summary>
internal sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> pending = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;
    private int nextId;

    private ChromiumPage(Process process, DirectoryInfo profile, ClientWebSocket socket)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<ChromiumPage> OpenAsync(Uri url, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("hub-chromium-cdp-");
        var start = new ProcessStartInfo(HeadlessChromium.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            .. HeadlessChromium.Quiet(profile), "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--window-size={width},{height}", "about:blank",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{HeadlessChromium.Executable} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await DevToolsPortAsync(profile);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var target = await PageTargetAsync(http);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(target), CancellationToken.None);
            var page = new ChromiumPage(process, profile, socket);
            await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600 });
            await page.SendAsync("Page.enable");
            await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
            return page;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="expression"/> is true in the page (e.g. its body's data-state is no longer "loading").</summary>
    public async Task WaitUntilAsync(string expression)
    {
        var waited = Stopwatch.StartNew();
        while (!await EvaluateAsync<bool>($"(() => {{ try {{ return !!({expression}); }} catch {{ return false; }} }})()"))
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"The page never came to '{expression}'. Its body: {await EvaluateAsync<string>("document.body ? document.body.outerHTML : ''")}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<T> EvaluateAsync<T>(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (reply["exceptionDetails"] is { } failure)
        {
            throw new InvalidOperationException($"'{expression}' threw in the page: {failure.ToJsonString()}");
        }

        var value = reply["result"]?["value"];
        return value is null ? default! : value.Deserialize<T>()!;
    }

    /// <summary>A PNG of the whole page (not only the viewport) at the viewport's width.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"] ?? metrics["contentSize"];
        var clip = new JsonObject
        {
            ["x"] = 0, ["y"] = 0, ["scale"] = 1,
            ["width"] = size!["width"]!.GetValue<double>(), ["height"] = size["height"]!.GetValue<double>(),
        };
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        socket.Dispose();
        await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
        stop.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a helper process may hold a file a moment longer; the temp folder is cleaned later
        }
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (pending)
        {
            id = ++nextId;
            pending[id] = answer;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, stop.Token);
        var reply = await answer.Task.WaitAsync(Patience);
        return reply["error"] is { } error
            ? throw new InvalidOperationException($"Chromium refused {method}: {error.ToJsonString()}")
            : reply["result"] ?? new JsonObject();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, stop.Token);
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"]?.GetValue<int>() is { } id)
                {
                    TaskCompletionSource<JsonNode>? answer;
                    lock (pending)
                    {
                        pending.Remove(id, out answer);
                    }

                    answer?.TrySetResult(node);
                }
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException)
        {
            // the browser closed or the page was disposed
        }
    }

    private static async Task<int> DevToolsPortAsync(DirectoryInfo profile)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Chromium never wrote its DevTools port.");
    }

    private static async Task<string> PageTargetAsync(HttpClient http)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri("json/list", UriKind.Relative)))!.AsArray();
            if (targets.FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page")?["webSocketDebuggerUrl"]?.GetValue<string>() is { } url)
            {
                return url;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Chromium opened no page.");
    }
}
