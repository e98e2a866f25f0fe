using Xunit.Abstractions;

namespace Hub.Host.Tests.Audit;

/// <summary>The chain page's top (where now, what next, milestones, statuses by name) and its folded journal, in headless Chromium.</summary>
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class JourneyPageTests(ITestOutputHelper log) : SeededJourneyHostTests
{
    private const string Ready = "document.body.dataset.state === 'ready'";

    [Fact]
    public async Task The_top_of_the_page_names_the_contractor_who_has_the_complaint_since_when_and_the_visit_that_is_next()
    {
        await using var page = await OpenAsync(1280, 900);

        Assert.Equal("Contractor · Loodgietersbedrijf De Kraan · contractor WO-CMRMGDAD", await Text(page, "#now-at"));
        Assert.Equal("since 2026-12-01 10:01 UTC · 23h 00m", await Text(page, "#now-since"));
        Assert.Equal($"last heard from {JourneyChain.Plumber}", await Text(page, "#now-who"));
        Assert.Equal("Visit and do the work — Contractor", await Text(page, "#next-step"));
        Assert.Equal("expected 2026-12-03 08:00–11:00 (UTC+01:00)", await Text(page, "#next-when"));
    }

    [Fact]
    public async Task The_timeline_holds_the_milestones_and_the_time_at_each_party()
    {
        await using var page = await OpenAsync(1280, 900);

        Assert.Equal(["Forwarded", "WorkOrderSent", "Accepted", "Appointment"],
            await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#milestones li')].map(li => li.dataset.milestone)"));
        Assert.Equal("Appointment set: 2026-12-03 08:00–11:00 (UTC+01:00)", await Text(page, "#milestones li[data-milestone='Appointment'] .what"));
        Assert.Equal(["Service desk 1m", "Building manager 2h 00m", "Contractor · Loodgietersbedrijf De Kraan 23h 00m so far"],
            await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#stays li')].map(li => li.querySelector('.who').textContent + ' ' + li.querySelector('.held').textContent)"));
    }

    [Fact]
    public async Task Each_system_shows_its_own_status_name_not_a_code()
    {
        await using var page = await OpenAsync(1280, 900);

        Assert.Equal(["servicedesk Ingepland", "facility Researching", "contractor scheduled"],
            await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#statuses li')].map(li => li.dataset.system + ' ' + li.querySelector('.status-name').textContent)"));
        Assert.DoesNotContain("status → 4", await page.EvaluateAsync<string>("document.body.innerText"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_entries_stay_hidden_until_asked_for_and_echoes_until_asked_for_again()
    {
        await using var page = await OpenAsync(1280, 900);
        const string visible = "[...document.querySelectorAll('#entries tbody tr')].filter(tr => tr.checkVisibility()).length";

        Assert.Equal(0, await page.EvaluateAsync<int>(visible));
        await page.EvaluateAsync<bool>("document.querySelector('#journal > summary').click(), true");
        var total = await page.EvaluateAsync<int>("document.querySelectorAll('#entries tbody tr').length");
        var echoes = await page.EvaluateAsync<int>("document.querySelectorAll('#entries tbody tr.bookkeeping').length");
        Assert.Equal(4, echoes);
        Assert.Equal(total - echoes, await page.EvaluateAsync<int>(visible));
        Assert.DoesNotContain("SkippedAsEcho", await page.EvaluateAsync<string>("document.body.innerText"), StringComparison.Ordinal);

        await page.EvaluateAsync<bool>("document.querySelector('#show-bookkeeping').click(), true");

        Assert.Equal(total, await page.EvaluateAsync<int>(visible));
        Assert.Contains("SkippedAsEcho", await page.EvaluateAsync<string>("document.body.innerText"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_page_fits_the_screen_at_desktop_and_phone_width_and_is_captured(int width, int height, string name)
    {
        await using var page = await OpenAsync(width, height);

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#now-at').getBoundingClientRect().top < innerHeight"), "where it is now is not on the first screen");
        var file = Path.Combine(ScreenshotFolder, $"chain-page-{name}-{width}x{height}.png");
        await page.ScreenshotAsync(file);
        log.WriteLine($"screenshot: {file}");
        Assert.True(new FileInfo(file).Length > 10_000);
    }

    private async Task<ChromiumPage> OpenAsync(int width, int height)
    {
        var page = await ChromiumPage.OpenAsync(new Uri(Host.Address, $"/chain/{JourneyChain.CaseId}#key={Uri.EscapeDataString(AuditWebHost.ApiKey)}"), width, height);
        await page.WaitUntilAsync(Ready);
        return page;
    }

    private static Task<string> Text(ChromiumPage page, string selector) =>
        page.EvaluateAsync<string>($"document.querySelector(\"{selector}\").textContent");
}
