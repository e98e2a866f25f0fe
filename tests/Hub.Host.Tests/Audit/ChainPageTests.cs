using System.Net;
using HtmlAgilityPack;

namespace Hub.Host.Tests.Audit;

[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class ChainPageTests : SeededChainHostTests
{
    [Fact]
    public async Task When_an_auditor_opens_a_case_in_the_browser_the_three_organisations_and_their_steps_are_shown()
    {
        var page = await RenderAsync($"/chain/{ComplaintChain.CaseId}#key={Uri.EscapeDataString(AuditWebHost.ApiKey)}");

        Assert.Equal("ready", Node(page, "//body").GetAttributeValue("data-state", ""));
        Assert.NotNull(Node(page, "//*[@id='key-form']").Attributes["hidden"]);
        Assert.Equal(["servicedesk", "facility", "contractor"], Nodes(page, "//article[@data-role]").Select(a => a.GetAttributeValue("data-role", "")));

        var servicedesk = Lane(page, "servicedesk");
        Assert.Contains("servicedesk · I 2026 042", servicedesk.InnerText, StringComparison.Ordinal);
        Assert.Contains("waited 5m", servicedesk.InnerText, StringComparison.Ordinal);
        Assert.Contains(ComplaintChain.Appointment, Steps(servicedesk), StringComparison.Ordinal);
        Assert.Contains("Afgemeld", Steps(servicedesk), StringComparison.Ordinal);

        var facility = Lane(page, "facility");
        Assert.Contains("facility · CAS-01219-H6B9P4", facility.InnerText, StringComparison.Ordinal);
        Assert.Contains("waited 3h 00m", facility.InnerText, StringComparison.Ordinal);
        Assert.Contains("Case CAS-01219-H6B9P4 created at the building manager", Steps(facility), StringComparison.Ordinal);

        var contractor = Lane(page, "contractor");
        Assert.Contains("contractor · WO-7K3QX9PM", contractor.InnerText, StringComparison.Ordinal);
        Assert.Contains("waited 1d 20h", contractor.InnerText, StringComparison.Ordinal);
        Assert.Contains("SMTP 451 temporary failure", Steps(contractor), StringComparison.Ordinal);
        Assert.Contains("Failed", Steps(contractor), StringComparison.Ordinal);
        Assert.Contains("Work order WO-7K3QX9PM sent to Loodgieter Jansen", Steps(contractor), StringComparison.Ordinal);

        Assert.Equal(10, Nodes(page, "//table[@id='entries']/tbody/tr").Count);
        Assert.Equal("Finished · contractor WO-7K3QX9PM", WebUtility.HtmlDecode(Node(page, "//*[@id='now-at']").InnerText));
    }

    [Fact]
    public async Task When_a_title_carries_markup_the_page_shows_it_as_text_and_runs_nothing()
    {
        var page = await RenderAsync($"/chain/{ComplaintChain.CaseId}#key={Uri.EscapeDataString(AuditWebHost.ApiKey)}");

        Assert.Equal(ComplaintChain.Title, WebUtility.HtmlDecode(Node(page, "//*[@id='case-title']").InnerText));
        Assert.Null(page.DocumentNode.SelectSingleNode("//img"));
    }

    [Fact]
    public async Task When_the_page_is_opened_by_topdesk_number_where_the_complaint_is_now_is_shown()
    {
        await Temp.ExecuteSqlAsync("DELETE FROM journal WHERE Kind = 'Resolved'");

        var page = await RenderAsync($"/chain?ref={Uri.EscapeDataString("I 2026 042")}#key={Uri.EscapeDataString(AuditWebHost.ApiKey)}");

        Assert.Equal(ComplaintChain.CaseId, Node(page, "//*[@id='case-id']").InnerText);
        Assert.Equal("Contractor · contractor WO-7K3QX9PM", WebUtility.HtmlDecode(Node(page, "//*[@id='now-at']").InnerText));
        Assert.Contains("now here", Lane(page, "contractor").InnerText, StringComparison.Ordinal);
        Assert.Contains("lane current", Lane(page, "contractor").GetAttributeValue("class", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_key_is_given_the_page_asks_for_one_and_shows_no_case_data()
    {
        var page = await RenderAsync($"/chain/{ComplaintChain.CaseId}");

        Assert.Equal("needs-key", Node(page, "//body").GetAttributeValue("data-state", ""));
        Assert.Null(Node(page, "//*[@id='key-form']").Attributes["hidden"]);
        Assert.Empty(Node(page, "//*[@id='case-title']").InnerText);
    }

    [Fact]
    public async Task Hidden_parts_of_the_page_stay_hidden_whatever_display_the_stylesheet_gives_them()
    {
        using var client = new HttpClient { BaseAddress = Host.Address };

        var css = await client.GetStringAsync(new Uri("/chain/assets/chain.css", UriKind.Relative));

        Assert.Contains("[hidden] { display: none !important; }", css, StringComparison.Ordinal);
    }

    private async Task<HtmlDocument> RenderAsync(string pathAndFragment)
    {
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(Host.Address, pathAndFragment));
        var document = new HtmlDocument();
        document.LoadHtml(dom);
        return document;
    }

    private static HtmlNode Lane(HtmlDocument page, string role) => Node(page, $"//article[@data-role='{role}']");

    private static string Steps(HtmlNode lane) => WebUtility.HtmlDecode(
        (lane.SelectSingleNode(".//ol[@class='steps']") ?? throw new Xunit.Sdk.XunitException("the lane has no steps list")).InnerText);

    private static HtmlNode Node(HtmlDocument page, string xpath) =>
        page.DocumentNode.SelectSingleNode(xpath) ?? throw new Xunit.Sdk.XunitException($"the rendered page has no {xpath}:\n{page.DocumentNode.OuterHtml}");

    private static HtmlNodeCollection Nodes(HtmlDocument page, string xpath) =>
        page.DocumentNode.SelectNodes(xpath) ?? throw new Xunit.Sdk.XunitException($"the rendered page has no {xpath}:\n{page.DocumentNode.OuterHtml}");
}
