using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hub.Sandbox;

/// <summary>
/// The running hub as an auditor sees it: /health, and the read-only API (/api/events, /api/cases) with the API key
/// the sandbox made up for this run (the hub knows only its hash). The sandbox never opens the hub's database.
/// </summary>
internal sealed class HubApi : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly string key;

    public HubApi(Uri site, string key)
    {
        Site = site;
        this.key = key;
        http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
    }

    public Uri Site { get; }

    /// <summary>A fresh key for one run, and the form the hub's configuration takes it in (Hub:Api:ApiKeyHashes).</summary>
    public static (string Key, string Hash) NewKey()
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return (key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }

    /// <summary>Waits until the hub answers HTTP at all (GET /health, whatever its verdict); false when it did not in time.</summary>
    public async Task<bool> WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri("health", UriKind.Relative), deadline.Token).ConfigureAwait(false);
                return true;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    public Task<JournalLines> EventsAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<JournalLines>(string.Create(CultureInfo.InvariantCulture, $"api/events?page={page}&pageSize={pageSize}"), cancellationToken);

    public Task<IReadOnlyList<CaseMatch>> FindCasesAsync(string reference, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<CaseMatch>>($"api/cases?ref={Uri.EscapeDataString(reference)}", cancellationToken);

    public Task<CaseView> CaseAsync(string caseId, CancellationToken cancellationToken) =>
        GetAsync<CaseView>($"api/cases/{Uri.EscapeDataString(caseId)}", cancellationToken);

    /// <summary>The chain page of one complaint, with the key in the fragment (which browsers never send).</summary>
    public Uri ChainPage(string reference) => new(Site, $"chain?ref={Uri.EscapeDataString(reference)}#key={key}");

    public void Dispose() => http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        var answer = await http.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative), Web, cancellationToken).ConfigureAwait(false);
        return answer ?? throw new HttpRequestException($"GET /{path}: the hub answered null");
    }
}
